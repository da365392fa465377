# W -- Weylandt, Nagorski & Allen 2020 (CARP): options of each W experiment, full and quick.
W_DATA := --presidential experiments/data/presidential_speech.csv --authors experiments/data/authors.csv \
          --tcga experiments/data/tcga_breast.csv
W-weights_full  := $(W_DATA)
W-weights_quick := $(W_DATA)
W-path_full  := --csv experiments/data/presidential_speech.csv --t 1.05
W-path_quick := --csv experiments/data/presidential_speech.csv --t 1.1
W-dendro_figdata := $(D)/W-path.tsv
