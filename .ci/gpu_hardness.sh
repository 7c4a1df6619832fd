#!/usr/bin/env bash
# The hardness study (paper Appendix E, Fig. 9 and 17) in one command on a CUDA machine with this checkout:
#   mkdir -p data && cp ../shared/data/cifar10-jpeg.zip data/   (data/ is git-ignored; carry it to the GPU machine)
#   bash .ci/gpu_hardness.sh [OUT_DIR]
# 1. forgetting scores of all 50,000 CIFAR-10 training images: R = 10 ConvNets (width 128) trained together for E = 30 epochs,
#    correctness recorded after every epoch, a network that never learns an example counting E for it (Toneva's rule);
#    then R' (RFRESH, default R) fresh networks trained the same way with another seed, for the full-data column
#    (resumable: OUT_DIR/forgetting.pt, OUT_DIR/forgetting-fresh.pt);
# 2. the Fig 9 table and figure: accuracy per forgetting-score bucket of the full-data networks and of 8 networks trained
#    on distilled IPC1, IPC10 and IPC50 sets (paper presets, STEPS outer steps each; resumable run folders);
# 3. Fig 17: hardness sampler (thr 1, default weighting, HS refreshed every 50 epochs from step SAMPLER_START) versus standard,
#    CIFAR-10 IPC10, STEPS outer steps, seeds 0, 1 and 2, test accuracy of 8 networks each, with the paired difference.
# Writes forgetting.pt, table.csv, fig9.png, sampler.csv and summary.txt. Expect a few hours on one H100 at the defaults;
# everything is set by environment variables (below), e.g. STEPS=500 E=10 for a short look. The same script runs the CPU
# study with DEVICE=cpu (see nbs/09_hardness.ipynb for the settings used there).
source "$(dirname "$0")/gpu_prelude.sh" runs/gpu-hardness 1 "$@"
export OUT=$out
export DEVICE=${DEVICE:-cuda} DATA=${DATA:-data/cifar10-jpeg.zip} PER_CLASS=${PER_CLASS:-0} R=${R:-10} E=${E:-30} BATCH=${BATCH:-256}
export RFRESH=${RFRESH:-$R} WIDTH=${WIDTH:-128} IPCS=${IPCS:-1,10,50} PRESET=${PRESET:-paper} STEPS=${STEPS:-2000} DISTILL=${DISTILL:-'{}'} EVAL_MODELS=${EVAL_MODELS:-8}
export SAMPLER=${SAMPLER:-1} SAMPLER_IPC=${SAMPLER_IPC:-10} SAMPLER_START=${SAMPLER_START:-1000} SEEDS=${SEEDS:-0,1,2}
$py - <<'EOF' 2>&1 | tee "$OUT/summary.txt"
import json, os, time
from pathlib import Path
import torch
from simple_distill.data import load_dataset
from simple_distill.distill import distill
from simple_distill.evaluate import evaluate_distilled
from simple_distill.evaluate import paired_difference
from simple_distill.hardness import (balanced_subset, compute_forgetting_scores, train_set_correctness, hardness_table, plot_hardness,
                                     HardnessSampler, full_data_correctness, never_learned_table)
env = os.environ
out, device, width = Path(env['OUT']), env['DEVICE'], int(env['WIDTH'])
if device.startswith('cuda'): assert torch.cuda.is_available(), 'no CUDA device: run this on the GPU machine (or DEVICE=cpu)'
else: torch.set_num_threads(int(env.get('OMP_NUM_THREADS', '1')))
full = load_dataset(env['DATA'], zca=True)
scored = balanced_subset(full, int(env['PER_CLASS'])) if int(env['PER_CLASS']) else full
print(f'{time.strftime("%H:%M:%S")} scoring {len(scored.train_labels)} training images of {full.name} on {device}', flush=True)

def score(n_models, seed, path, what):
    start = time.perf_counter()
    result = compute_forgetting_scores(scored, n_models=n_models, epochs=int(env['E']), batch_size=int(env['BATCH']), width=width,
                                       seed=seed, device=device, path=out/path)
    print(f'{what}: R = {n_models}, E = {env["E"]}, batch {env["BATCH"]}, width {width}, seed {seed}: {result.seconds:.0f} s of training '
          f'({time.perf_counter() - start:.0f} s in this call); train accuracy per epoch {[round(100*a, 1) for a in result.train_accuracy]}; '
          f'mean score {result.scores.mean():.2f}, never learned by any network {int(result.never_learned.sum())}', flush=True)
    return result
forgetting = score(int(env['R']), 0, 'forgetting.pt', 'forgetting scores (define the buckets)')
fresh = score(int(env['RFRESH']), 1, 'forgetting-fresh.pt', 'fresh networks (the full-data column)')

overrides = {int(k): v for k, v in json.loads(env['DISTILL']).items()}
def config(ipc):
    preset = f'cifar10-ipc{ipc}' if env['PRESET'] == 'paper' else env['PRESET']
    return preset, dict(dict(images_per_class=ipc, width=width, steps=int(env['STEPS']), checkpoint_every=50), **overrides.get(ipc, {}))

correct = {'full data': full_data_correctness(forgetting, fresh)}
for ipc in [int(i) for i in env['IPCS'].split(',')]:
    preset, kw = config(ipc)
    t = time.perf_counter()
    run = distill(preset, dataset=full, device=device, out_dir=str(out/f'ipc{ipc}'), **kw)
    t_distill = time.perf_counter() - t
    correct[f'IPC{ipc}'] = train_set_correctness(run.synthetic.images, run.synthetic.labels, scored, n_models=int(env['EVAL_MODELS']), width=width,
                                                 batch_size=getattr(run, 'inner_batch', None))
    print(f'IPC{ipc}: preset {preset} {kw}: distilled in {t_distill:.0f} s (this call), {time.perf_counter() - t - t_distill:.0f} s to score; '
          f'accuracy on the scored training images {100*correct[f"IPC{ipc}"].double().mean():.1f}%', flush=True)
table = hardness_table(correct, forgetting)
table.to_csv(out/'table.csv')
print(table.to_string(), flush=True)
print(never_learned_table(forgetting).to_string(), flush=True)
plot_hardness(table, f'{full.name}: accuracy by forgetting score').savefig(out/'fig9.png', dpi=120)

if env['SAMPLER'] == '1':
    rows, ipc = [], int(env['SAMPLER_IPC'])
    for seed in [int(s) for s in env['SEEDS'].split(',')]:
        for name in ('standard', 'sampler'):
            preset, kw = config(ipc)
            callbacks = [HardnessSampler(thr=1, every_epochs=50, start=int(env['SAMPLER_START']), seed=seed)] if name == 'sampler' else []
            t = time.perf_counter()
            run = distill(preset, dataset=full, device=device, out_dir=str(out/f'fig17-{name}-seed{seed}'), seed=seed, callbacks=callbacks, **kw)
            r = evaluate_distilled(run.synthetic.images.detach(), run.synthetic.labels.detach(), full, width=width, seed=seed,
                                   batch_size=getattr(run, 'inner_batch', None))
            rows.append(dict(ipc=ipc, seed=seed, method=name, steps=run.step, acc_mean=r['acc_mean'], acc_std=r['acc_std']))
            print(f'Fig 17: IPC{ipc} seed {seed} {name}: {100*r["acc_mean"]:.2f} ± {100*r["acc_std"]:.2f}% after {run.step} steps ({time.perf_counter() - t:.0f} s)', flush=True)
    import pandas as pd
    frame = pd.DataFrame(rows)
    frame.to_csv(out/'sampler.csv', index=False)
    print(frame.groupby('method')['acc_mean'].agg(['mean', 'std']).mul(100).round(2).to_string(), flush=True)
    paired = frame.pivot(index='seed', columns='method', values='acc_mean').mul(100)
    if len(paired) > 1:
        gain = paired_difference(paired['sampler'], paired['standard'])
        print(f"sampler - standard over {gain['n']} seeds: {gain['mean']:+.2f} points, 95% interval [{gain['low']:+.2f}, {gain['high']:+.2f}]", flush=True)
EOF
