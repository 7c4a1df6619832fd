#!/usr/bin/env bash
# The CPU CIFAR-10 Boost-DD study saved in nbs/08_boost.ipynb, as one job on two cores with nothing else running (about an hour):
#   mkdir -p data && cp ../shared/data/cifar10-jpeg.zip data/   (data/ is git-ignored)
#   bash .ci/cpu_boost.sh [OUT_DIR]
# Preset cifar10-cpu (ConvNet-3 of width 32, ZCA, RaT-BPTT with M 20 and T 60, real batch 1,000, labels learned), blocks of one
# image per class up to IPC4, strong (beta 0) and weak (beta 0.1) boosting from the shared joint IPC1 set, joint sets of IPC1-4,
# the equal-compute joint sets, STEPS outer steps per run (default 100), 8 networks of 300 steps per accuracy. The table, the
# paired differences and the run time go to OUT_DIR/summary.txt, the figure to nbs/images/boost_cifar10_cpu.png. A stopped study
# resumes where it stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-runs/boost_cifar_cpu}
mkdir -p "$out"
[ -x .venv/bin/simple-distill ] && bin=.venv/bin/ || bin=""
start=$(date +%s)
${bin}simple-distill boost --study --preset cifar10-cpu --dataset data/cifar10-jpeg.zip --block-ipc 1 --blocks 4 \
    --steps "${STEPS:-100}" --checkpoint-every 25 --eval-models 8 --threads 2 --no-progress --out-dir "$out" > "$out/summary.txt"
echo "study: $(( ($(date +%s) - start) / 60 )) min on $(nproc) core(s), STEPS=${STEPS:-100}" >> "$out/summary.txt"
${bin}python -c "import sys, pandas as pd; from simple_distill.boost import plot_study
plot_study(pd.read_csv(sys.argv[1] + '/study.csv')).savefig('nbs/images/boost_cifar10_cpu.png', dpi=80)" "$out"
