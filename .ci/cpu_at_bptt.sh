#!/usr/bin/env bash
# The CPU CIFAR-10 comparison of AT-BPTT and RaT-BPTT saved in nbs/07a_at_bptt_vs_rat.ipynb, one job on two cores with nothing
# else running (about an hour):
#   mkdir -p data && cp ../shared/data/cifar10-jpeg.zip data/   (data/ is git-ignored)
#   bash .ci/cpu_at_bptt.sh [OUT_DIR]
# Preset cifar10-cpu (ConvNet-3 of width 32, ZCA, T 60, M 20, real batch 1,000, labels learned, a window per epoch of 10 outer
# steps); AT-BPTT with d 5 (windows of 15 to 25 steps around the same M); seeds 0-2; SECONDS of distillation per run (default
# 480, the probe included); 8 networks of 300 steps per accuracy. Writes OUT_DIR/summary.txt (per-method table, paired
# differences, bytes held for backward, run time) and nbs/images/at_bptt_cifar10_cpu.png (the windows). Resumes where it stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-runs/at_bptt_cifar_cpu}
mkdir -p "$out"
[ -x .venv/bin/simple-distill ] && bin=.venv/bin/ || bin=""
start=$(date +%s)
${bin}simple-distill compare --preset cifar10-cpu --dataset data/cifar10-jpeg.zip --schedule-options '{"d": 5}' \
    --method 'RaT-BPTT:schedule=rat_bptt' --method 'AT-BPTT:schedule=at_bptt' --seeds 0,1,2 --steps 100000 \
    --seconds "${SECONDS_PER_RUN:-480}" --checkpoint-every 10 --eval-models 8 --out-dir "$out" > "$out/summary.txt"
${bin}python - "$out" >> "$out/summary.txt" <<'PY'
import sys, pandas as pd, torch
from simple_distill.memory import format_bytes, profile_memory
from simple_distill.models import build_model
from simple_distill.stability import plot_windows_over_steps
from simple_distill.unroll import InnerOptimizer
table = pd.read_csv(sys.argv[1] + '/table.csv')
plot_windows_over_steps(table, seed=0, title='CIFAR-10 on the CPU, IPC10, T = 60').savefig('nbs/images/at_bptt_cifar10_cpu.png', dpi=80)
torch.manual_seed(0)  # bytes depend on shapes only: the cifar10-cpu network and batches
labels = torch.softmax(torch.randn(100, 10), 1).requires_grad_()
profile = profile_memory(build_model('convnet', 3, 10, 32, width=32), torch.randn(100, 3, 32, 32), labels, torch.randn(1000, 3, 32, 32),
                         torch.arange(1000) % 10, InnerOptimizer('adam'), 100)
for method, rows in table.groupby('method', sort=False):
    length = rows.window_stop - rows.window_start
    print(f'{method}: windows of {length.min()}-{length.max()} steps (mean {length.mean():.1f}); bytes held for backward '
          f'{format_bytes(profile.predict(round(length.mean()), None))} at the mean window, {format_bytes(profile.predict(length.max(), None))} at the longest')
from simple_distill.distill import read_checkpoint
stages = [read_checkpoint(f'{sys.argv[1]}/AT-BPTT/seed{seed}/checkpoint.pt')['schedule']['stages']['stage'] for seed in (0, 1, 2)]
print(f'AT-BPTT stage at the end, seeds 0-2: {stages}')
PY
echo "study: $(( ($(date +%s) - start) / 60 )) min on $(nproc) core(s), SECONDS_PER_RUN=${SECONDS_PER_RUN:-480}" >> "$out/summary.txt"
