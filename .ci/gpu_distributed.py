"""One distributed measurement, run under torchrun by .ci/gpu_distributed.sh: s/outer step and peak memory per GPU.

CIFAR-10 IPC10 at the paper's (M, T) = (80, 250), real batch 5,000, full width, labels learned; 30 outer steps, the
first 5 left out of the median as warm-up.
"""
import statistics, sys
import torch
from simple_distill.distill import Callback, distill, make_config
from simple_distill.distributed import init_distributed, rank_device

class Measure(Callback):
    all_ranks = True
    def __init__(self): self.seconds = []
    def on_step(self, run, metrics): self.seconds.append(metrics['seconds'])

comm = init_distributed('cuda')
measure = Measure()
config = make_config('cifar10-ipc10', dataset=sys.argv[1], device=rank_device('cuda'), real_batch=5000, steps=30, checkpoint_every=1000,
                     out_dir=f'runs/gpu-distributed/{comm.world_size}-gpus')
run = distill(config, resume=False, communicator=comm, callbacks=[measure])
peaks = comm.gather([torch.cuda.max_memory_allocated() / 2**30])
if comm.writer:
    print(f'{comm.world_size} GPU(s): {statistics.median(measure.seconds[5:]):.3f} s/outer step (median of steps 6-30), '
          f'peak memory per GPU {", ".join(f"{p:.1f}" for p in peaks)} GiB', flush=True)
