#!/bin/bash
# SLQ on the Gauss-Newton products at the polished w0 of seed 1, with partial re-orthogonalization:
# the defaults (30 probes) and 60 probes, against the exact dual values of spectrum-seed1
# usage: run-partial.sh JAR W0_DIR OUT  (W0_DIR: the b$B-w0.npy points that run.sh writes with --write-point)
J=$1; W=$2; OUT=$3
for B in 32 256 1000; do
  for P in 30 60; do
    java -Xmx8g -jar $J spectrum --n 1000 --train-seed 1 --hidden 800 --lambda 1 --k 1 --repeats 1 --weights $W/b$B-w0.npy \
      --evidence --curvature ggn --method slq --seed 1 --probes $P > $OUT/b$B-ggn-slq-partial-p$P.json 2> $OUT/b$B-ggn-slq-partial-p$P.err
  done
done
echo done > $OUT/finished
