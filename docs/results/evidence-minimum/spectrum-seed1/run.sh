#!/bin/bash
# the Hessian's evidence by SLQ beside the exact Gauss-Newton one, at the polished w0 of seed 1
J=examples/mnist-shallow-net/target/mnist-shallow-net.jar   # NETS: the --save-weights folder of the sweep; OUT: where the results go
for B in 32 256 1000; do
  W=NETS/b$B-eps0.1-n1000-m0.9-seed1-time4000.npy
  while [ ! -f $W ]; do sleep 30; done
  O=OUT/b$B
  java -Xmx8g -jar $J spectrum --n 1000 --train-seed 1 --hidden 800 --lambda 1 --k 1 --repeats 1 --weights $W --minimize --write-point $O-w0.npy --evidence --curvature ggn --method dual > $O-dual.json 2> $O-dual.err
  java -Xmx8g -jar $J spectrum --n 1000 --train-seed 1 --hidden 800 --lambda 1 --k 1 --repeats 1 --weights $O-w0.npy --evidence --curvature ggn --method slq --seed 1 > $O-ggn-slq.json 2> $O-ggn-slq.err
  java -Xmx8g -jar $J spectrum --n 1000 --train-seed 1 --hidden 800 --lambda 1 --k 1 --repeats 1 --weights $O-w0.npy --evidence --curvature hessian --method slq --seed 1 > $O-hessian-slq.json 2> $O-hessian-slq.err
done
echo done > OUT/finished
