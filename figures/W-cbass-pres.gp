# W-cbass-pres: the CBASS cluster heatmap of the presidential speeches (see W-cbass-heatmap.gpi).
run = 'W-cbass-pres'
load 'figures/W-cbass-heatmap.gpi'
