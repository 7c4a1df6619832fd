#!/usr/bin/env bash
# AT-BPTT against RaT-BPTT at the paper's sizes, in one command on a CUDA machine with this checkout:
#   mkdir -p data && cp ../shared/data/cifar10-jpeg.zip data/   (data/ is git-ignored; carry it to the GPU machine)
#   bash .ci/gpu_at_bptt.sh [OUT_DIR]
# CIFAR-10 IPC10 at full width (ConvNet-3, 128 channels, real batch 5,000, labels learned), T 200 for both: RaT-BPTT with M 60
# (the authors' RaT-BPTT command), AT-BPTT with W 40 and d 10 (the authors' AT-BPTT command); 3 seeds, STEPS outer steps each
# (default 2000), 8 networks evaluated every 500 steps. Prints s per outer step and the peak CUDA memory of one outer step of
# each, for the paper's 3.9x and 63% claims, with AT-BPTT's meta-gradients exact and with the low-rank Hessian (rank RANK, default 32;
# this library's reading of it, see 04a_at_bptt), and the exact step-by-step mode (segment 1) beside them. The accuracy comparison runs
# AT-BPTT both ways. An interrupted comparison resumes where it stopped.
source "$(dirname "$0")/gpu_prelude.sh" runs/gpu-at-bptt 1 "$@"
$py - <<'PY' | tee "$out/memory.txt"
import time, torch
from simple_distill.distill import DistillRun, make_config
from simple_distill.data import load_dataset
dataset = load_dataset('data/cifar10-jpeg.zip', zca=True)
import os
at = dict(schedule='at_bptt', n_back=40, schedule_options='{"d": 10}')
for name, settings in (('RaT-BPTT', dict(schedule='rat_bptt', n_back=60)), ('AT-BPTT', at), ('AT-BPTT, step by step', dict(at, segment=1)),
                       ('AT-BPTT, low-rank Hessian', dict(at, hessian_rank=int(os.environ.get('RANK', 32))))):
    run = DistillRun(make_config('cifar10-ipc10', device='cuda', n_unroll=200, out_dir=f'/tmp/at_bptt_memory_{name.replace(" ", "_")}', **settings),
                     dataset, resume=False)
    run.outer_step(); torch.cuda.synchronize(); torch.cuda.reset_peak_memory_stats(); start = time.perf_counter()
    for _ in range(10): record = run.outer_step()
    torch.cuda.synchronize()
    print(f'{name}: {(time.perf_counter() - start) / 10:.3f} s per outer step, peak {torch.cuda.max_memory_allocated() / 2**30:.2f} GiB, last window {record["window_start"]}-{record["window_stop"]}')
PY
${bin}simple-distill compare --preset cifar10-ipc10 --dataset data/cifar10-jpeg.zip --device cuda --n-unroll 200 --schedule-options '{"d": 10}' \
    --method 'RaT-BPTT:schedule=rat_bptt,n_back=60' --method 'AT-BPTT:schedule=at_bptt,n_back=40' \
    --method "AT-BPTT-low-rank:schedule=at_bptt,n_back=40,hessian_rank=${RANK:-32}" --steps "${STEPS:-2000}" \
    --checkpoint-every 100 --seeds 0,1,2 --eval-models 8 --eval-every 500 --out-dir "$out" | tee "$out.txt"
