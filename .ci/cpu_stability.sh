#!/usr/bin/env bash
# The CPU CIFAR-10 comparison of BPTT, T-BPTT and RaT-BPTT saved in nbs/07_stability.ipynb, one job on two cores with nothing
# else running (about 2 hours):
#   mkdir -p data && cp ../shared/data/cifar10-jpeg.zip data/   (data/ is git-ignored)
#   bash .ci/cpu_stability.sh [OUT_DIR]
# Preset cifar10-cpu (ConvNet-3 of width 32, ZCA, IPC10, labels learned, real batch 1,000, windows kept for 10 outer steps);
# BPTT through 60 inner steps, T-BPTT and RaT-BPTT with windows of 20 of 60; seeds 0-2; SECONDS_PER_RUN of distillation per run
# (default 360; the measurements are not counted in it); NV and SNR from 16 real examples (and their first 4 and 8) at outer
# steps 10 and 20, the truncation bias at step 20, the health monitor on; 4 networks of 300 steps at the end. Writes OUT_DIR/summary.txt
# (summary, paired differences, the n sweep, the bias, run time) and nbs/images/stability_cifar10_cpu.png. Resumes where it stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-runs/stability_cifar_cpu}
mkdir -p "$out"
[ -x .venv/bin/simple-distill ] && bin=.venv/bin/ || bin=""
start=$(date +%s)
${bin}simple-distill compare --preset cifar10-cpu --dataset data/cifar10-jpeg.zip --n-unroll 60 --n-back 20 \
    --method 'BPTT:schedule=bptt' --method 'T-BPTT:schedule=truncated_bptt' --method 'RaT-BPTT:schedule=rat_bptt' \
    --seeds 0,1,2 --steps 100000 --seconds "${SECONDS_PER_RUN:-360}" --checkpoint-every 10 --eval-models 4 \
    --nv-every 10,20 --nv-samples 16 --nv-sweep 4,8,16 --nv-chunk 1 --bias-every 20, --monitor \
    --out-dir "$out" > "$out/summary.txt"
${bin}python - "$out" >> "$out/summary.txt" <<'PY'
import sys, matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt, pandas as pd
from simple_distill.evaluate import paired_difference
from simple_distill.stability import paired_comparison, plot_over_steps, snr_sweep_table, truncation_bias_table
table = pd.read_csv(sys.argv[1] + '/table.csv')
pd.set_option('display.width', 160)
print('steps reached and measurement seconds per run:')
print(table.groupby(['method', 'seed'], sort=False).agg(steps=('step', 'max'), nv_seconds=('nv_seconds', 'sum'),
                                                        bias_seconds=('bias_seconds', 'sum')).round(1))
sweep = snr_sweep_table(table)
print('NV, ceiling and SNR by outer step and sample count n (mean over seeds):')
print(sweep.groupby(['step', 'n', 'method'], sort=False)[['normalized_variance', 'nv_ceiling', 'snr', 'snr_low', 'snr_high']].mean())
pairs = pd.concat([paired_comparison(rows, 'snr', baseline='RaT-BPTT').assign(step=step, n=n)
                   for (step, n), rows in sweep.groupby(['step', 'n'])])
print('SNR minus RaT-BPTT, paired by seed:')
print(pairs[['step', 'n', 'method', 'mean', 'low', 'high', 'excludes_zero']].to_string(index=False))
print('test accuracy minus RaT-BPTT, paired by seed:')
print(paired_comparison(table, 'test_acc', baseline='RaT-BPTT')[['method', 'mean', 'low', 'high', 'excludes_zero']].to_string(index=False))
bias = truncation_bias_table(table)
print('truncation bias at step 20 by window stop (mean over seeds):')
print(bias.groupby(['method', 'stop'], sort=False)[['cosine', 'norm_ratio', 'full_norm', 'window_norm']].mean().round(4))
by_run = bias.groupby(['method', 'seed']).apply(lambda r: pd.Series(dict(fixed=r.cosine[r.stop == 60].mean(), random=r.cosine.mean())),
                                               include_groups=False)
print('cosine to full BPTT, RaT-BPTT\'s random window (mean over stops) minus T-BPTT\'s fixed one, over all runs\' images:',
      paired_difference(by_run.random, by_run.fixed))
fig, axes = plt.subplots(1, 4, figsize=(18, 3.3))
plot_over_steps(table, 'grad_norm', axes[0], log=True, title='meta-gradient norm (Fig 3)')
plot_over_steps(table, 'outer_loss', axes[1], x='seconds', title='outer loss over distillation time')
plot_over_steps(table, 'snr', axes[2], title='SNR from 16 samples (Fig 11)')
for method, rows in bias.groupby('method', sort=False): axes[3].plot(rows.groupby('stop').cosine.mean(), marker='o', label=method)
axes[3].set(xlabel='window stop (inner step)', ylabel='cosine to full BPTT', title='truncation bias at step 20'); axes[3].legend(fontsize=8)
fig.tight_layout(); fig.savefig('nbs/images/stability_cifar10_cpu.png', dpi=80)
PY
echo "study: $(( ($(date +%s) - start) / 60 )) min on $(nproc) core(s), SECONDS_PER_RUN=${SECONDS_PER_RUN:-360}" >> "$out/summary.txt"
