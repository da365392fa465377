# W-cbass-tcga: the CBASS cluster heatmap of TCGA breast cancer (see W-cbass-heatmap.gpi).
run = 'W-cbass-tcga'
load 'figures/W-cbass-heatmap.gpi'
