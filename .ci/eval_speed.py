"""Seconds to train K networks on a distilled set under DD-Ranking's recipe, stacked (one vmap-ed step) and one after another.

DD-Ranking trains its networks one after another; `train_networks(stacked=False)` does the same work in the same order, so
the ratio is what stacking buys on this machine. Training only (no test passes), the same set, recipe and seeds.
    python .ci/eval_speed.py SET DATA [--models 5] [--steps 200]
"""
import argparse, time
import torch
from simple_distill.data import load_dataset
from simple_distill.evaluate import in_distilled_space, network_builder, train_networks
from simple_distill.protocols import PROTOCOLS, training_options
from simple_distill.synthetic import load_distilled

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument('set'); parser.add_argument('data')
parser.add_argument('--models', type=int, default=5); parser.add_argument('--steps', type=int, default=200)
args = parser.parse_args()
distilled = load_distilled(args.set)
dataset = in_distilled_space(distilled, load_dataset(args.data, zca=False))
recipe, n = distilled.eval_recipe, len(distilled.images)
builder = network_builder(dataset, recipe['arch'], recipe.get('width'), recipe.get('depth'), distilled.images.device,
                          distilled.images.dtype)
options = training_options(PROTOCOLS['dd_ranking'], n)
seconds = {}
for stacked in (True, False):
    start = time.time()
    train_networks(distilled.images, distilled.class_ids, builder, args.models, args.steps, 0.01, stacked=stacked,
                   generator=torch.Generator().manual_seed(0), class_balanced=True, **options)
    seconds[stacked] = time.time() - start
print(f"{dataset.name}, {n} images, {recipe['arch']} width {recipe.get('width')}, {args.models} networks x {args.steps} steps "
      f"on {torch.get_num_threads()} threads: stacked {seconds[True]:.1f} s, one after another {seconds[False]:.1f} s, "
      f"ratio {seconds[False] / seconds[True]:.2f}")
