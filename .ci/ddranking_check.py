"""DD-Ranking's own code against ours: its score formulas on fixed accuracies, then its hard-label evaluator against our
`dd_ranking` protocol on identical inputs (the same set, the same data in the set's space, the same test images).

A benchmark outside CI. It needs a venv holding both `ddranking` 0.2.0 and this package (DD-Ranking pins numpy<2):
    python3 -m venv /tmp/ddvenv && /tmp/ddvenv/bin/pip install torch==2.14.1 torchvision==0.29.1 ddranking==0.2.0 -e .
    /tmp/ddvenv/bin/python .ci/ddranking_check.py SET.safetensors data/cifar10-jpeg.zip [--models 5] [--scale 0.1]
DD-Ranking reads CIFAR-10 through torchvision's download, which cannot run here, so its `get_dataset` is handed our JPEG
copy in the set's space; its ConvNet-3 (fixed at width 128) is built at --width. Everything else is DD-Ranking's code:
its lr search, DataLoader, SGD and StepLR, DSA, test passes every 10 epochs and best checkpoint, and its random subsets.
"""
import argparse, contextlib, dataclasses, io, os, tempfile, time, warnings
from pathlib import Path
os.environ['TQDM_DISABLE'] = '1'  # DD-Ranking draws a progress bar per training
warnings.filterwarnings('ignore', message='torch.meshgrid')  # from DD-Ranking's DSA, every batch
import numpy as np
import torch
from scipy.stats import ttest_ind
from ddranking.metrics import aug_robust, hard_label
from ddranking.utils import set_seed
from ddranking.utils.data import TensorDataset
from ddranking.utils.networks import ConvNet
from simple_distill.data import load_dataset
from simple_distill.evaluate import in_distilled_space, random_real_subsets
from simple_distill.protocols import (PROTOCOLS, _random_real, aug_robust_score, label_robust_score,
                                      protocol_accuracies, scaled_down)
from simple_distill.synthetic import load_distilled

# DD-Ranking's configs/Demo_LRS_Hard_Label.yaml
DD_RANKING_DSA = dict(flip=0.5, rotate=15.0, saturation=2.0, brightness=1.0, contrast=0.5, scale=1.2, crop=0.125,
                      cutout=0.5)

def stub(cls, accuracies:dict, **attrs):
    "A DD-Ranking evaluator without data: each named helper returns the next of its fixed accuracies (percent or not)"
    evaluator = object.__new__(cls)
    evaluator.__dict__.update(use_dist=False, rank=0, save_path=f'{tempfile.mkdtemp()}/scores.csv', **attrs)
    for name, values in accuracies.items():
        values = iter(values)
        setattr(evaluator, name, lambda values=values, **_: (next(values), 0.01))
    return evaluator

def quiet(run):
    "What `run()` returns, without the lines DD-Ranking prints for every test pass and run"
    with contextlib.redirect_stdout(io.StringIO()): return run()

def their_lrs(syn, full, rand)->dict:
    "DD-Ranking's LabelRobustScoreHard.compute_metrics on fixed accuracies, one (syn, full, random) per run"
    calls = [x for run in zip(syn, [full] * len(syn), rand) for x in run]  # the order compute_metrics asks in
    evaluator = stub(hard_label.LabelRobustScoreHard, dict(_compute_hard_label_metrics_helper=calls), num_eval=len(syn),
                     ipc=1, num_classes=10, eval_full_data=True)
    evaluator._get_random_data_helper = lambda eval_iter: (None, None, None)
    return quiet(lambda: evaluator.compute_metrics(image_tensor=torch.zeros(1), syn_lr=0.01))

def their_ars(syn_aug, rand_aug, syn_plain, rand_plain)->dict:
    "DD-Ranking's AugmentationRobustScore.compute_metrics on fixed accuracies"
    with_aug = [x for run in zip(syn_aug, rand_aug) for x in run]
    without = [x for run in zip(syn_plain, rand_plain) for x in run]
    evaluator = stub(aug_robust.AugmentationRobustScore, dict(_compute_with_aug_metrics_helper=with_aug,
                     _compute_without_aug_metrics_helper=without), num_eval=len(syn_aug), ipc=1, num_classes=10,
                     label_type='hard', soft_label_mode='S')
    evaluator._get_random_data_helper = lambda eval_iter: (None, None, None, None)
    return quiet(lambda: evaluator.compute_metrics(image_tensor=torch.zeros(1), syn_lr=0.01))

def formula_check():
    "HLR, IOR, LRS and ARS from DD-Ranking's code and ours on the same fixed accuracies"
    syn, rand, full = np.array([0.312, 0.287, 0.301]), np.array([0.254, 0.262, 0.239]), 0.842
    original_save = hard_label.save_results  # fails on these results (below), so it is set aside until then
    hard_label.save_results = aug_robust.save_results = lambda results, path: None
    percent, fraction = their_lrs(100 * syn, 100 * full, 100 * rand), their_lrs(syn, full, rand)
    ours = label_robust_score(syn, full, rand)
    print('== score formulas on fixed accuracies: 3 runs, set', syn.tolist(), 'random', rand.tolist(), 'full', full)
    print(f"HLR  DD-Ranking {percent['hard_label_recovery_mean']:.4f} (percent)   ours {(full - syn).mean():.4f}")
    print(f"IOR  DD-Ranking {percent['improvement_over_random_mean']:.4f} (percent)   ours {(syn - rand).mean():.4f}")
    print(f"LRS  DD-Ranking on percent {percent['label_robust_score_mean']:.6g}, on fractions "
          f"{fraction['label_robust_score_mean']:.6f}; ours {ours.mean():.6f}, "
          f"difference on fractions {abs(fraction['label_robust_score_mean'] - ours.mean()):.1e}")
    print(f"LRS std over runs: DD-Ranking {fraction['label_robust_score_std']:.6f} (np.std of a list holding each "
          f"run twice), ours {ours.std():.6f}")
    hard_label.save_results = original_save
    try: their_lrs(syn, full, rand); print("DD-Ranking's compute_metrics with its own CSV save: returned")
    except ValueError as e: print(f"DD-Ranking's compute_metrics with its own CSV save raises before returning: {e}")
    aug, plain = (syn + 0.05, rand + 0.08), (syn, rand)
    theirs_ars = their_ars(*(100 * a for a in aug), *(100 * p for p in plain))['augmentation_robust_score_mean']
    theirs_ars_fraction = their_ars(*aug, *plain)['augmentation_robust_score_mean']
    ours_ars = aug_robust_score(*aug, *plain).mean()
    print(f"ARS  DD-Ranking on percent {theirs_ars:.6g}, on fractions {theirs_ars_fraction:.6f}; ours {ours_ars:.6f}")
    aug_robust.save_results = original_save

def their_evaluator(dataset, n_images_per_class:int, epochs:int, width:int, n_runs:int):
    "DD-Ranking's LabelRobustScoreHard on our data in the set's space, its ConvNet-3 at `width`, on the CPU"
    # class ids as ints, as torchvision's CIFAR10 gives them: DD-Ranking looks them up in a dict
    train, test = (TensorDataset(x, y.tolist()) for x, y in ((dataset.train_images, dataset.train_labels),
                                                             (dataset.test_images, dataset.test_labels)))
    identity = {c: c for c in range(dataset.num_classes)}
    hard_label.get_dataset = lambda *a, **k: (3, (32, 32), dataset.mean.tolist(), dataset.std.tolist(),
                                              dataset.num_classes, train, test, test, identity, identity)
    hard_label.build_model = lambda **k: ConvNet(3, dataset.num_classes, width, 3, 'relu', 'instancenorm', 'avgpooling',
                                                 (32, 32))
    folder = tempfile.mkdtemp()
    return hard_label.LabelRobustScoreHard(
        dataset='CIFAR10', real_data_path='unused', ipc=n_images_per_class, model_name='ConvNet-3', data_aug_func='dsa',
        aug_params=dict(DD_RANKING_DSA), optimizer='sgd', lr_scheduler='step', step_size=epochs // 2,
        weight_decay=5e-4, momentum=0.9, num_eval=n_runs, num_epochs=epochs, syn_batch_size=128, real_batch_size=256,
        num_workers=0, device='cpu', dist=False, save_path=f'{folder}/scores.csv', random_data_path=folder)

def their_accuracies(evaluator, images, ids, n_runs:int, seed:int)->tuple:
    "Per run, as compute_metrics does before its formulas: the set's and a random subset's lr-searched best accuracy"
    # compute_metrics seeds each run from the clock (set_seed()); seed + i makes the runs repeatable
    syn, rand = [], []
    for i in range(n_runs):
        set_seed(seed + i)
        syn.append(evaluator._compute_hard_label_metrics_helper(image_tensor=images, image_path=None,
                   hard_labels=ids, lr=None, mode='syn', hyper_param_search=True)[0] / 100)
        _, x, y = evaluator._get_random_data_helper(eval_iter=i)
        rand.append(evaluator._compute_hard_label_metrics_helper(image_tensor=x, image_path=None, hard_labels=y,
                    lr=None, mode='syn', hyper_param_search=True)[0] / 100)
    return np.array(syn), np.array(rand)

def protocol_check(args):
    "The same set under DD-Ranking's evaluator and our dd_ranking protocol: accuracies, their difference, seconds"
    distilled = load_distilled(args.set)
    dataset = in_distilled_space(distilled, load_dataset(args.data, zca=False))
    per_test_class = args.test_images // dataset.num_classes
    keep = random_real_subsets(dataset.test_labels, per_test_class, 1, torch.Generator().manual_seed(1))[0]
    dataset = dataclasses.replace(dataset, test_images=dataset.test_images[keep], test_labels=dataset.test_labels[keep])
    # DD-Ranking tests every 10 epochs at any length, so the shortened protocol keeps that spacing
    protocol = scaled_down(PROTOCOLS['dd_ranking'], args.scale, max_checkpoints=round(100 * args.scale))
    epochs, per_class = max(protocol.checkpoints), len(distilled.images) // dataset.num_classes
    images, ids = distilled.images, distilled.class_ids
    start = time.time()
    ours_syn = protocol_accuracies(images, ids, dataset, protocol, args.models, args.seed, width=args.width).numpy()
    rand_x, rand_y = _random_real(dataset, protocol, per_class, args.models, args.seed)
    ours_rand = protocol_accuracies(rand_x, rand_y, dataset, protocol, args.models, args.seed, width=args.width).numpy()
    ours_seconds, start = time.time() - start, time.time()
    evaluator = quiet(lambda: their_evaluator(dataset, per_class, epochs, args.width, args.models))
    theirs_syn, theirs_rand = quiet(lambda: their_accuracies(evaluator, images, ids, args.models, args.seed))
    theirs_seconds = time.time() - start
    print(f"== {Path(args.set).name}: {len(images)} images; DD-Ranking's hard-label protocol at {args.scale} of its "
          f"length ({epochs} epochs, lr drop at {epochs // 2}, lr searched over {len(protocol.lrs)}), ConvNet-3 width "
          f"{args.width}, {args.models} networks or runs each, {len(keep)} test images")
    print(f'{"arm":>8} {"ours":>14} {"DD-Ranking":>14} {"ours - DD-Ranking (95% CI)":>30}')
    for arm, a, b in (('set', ours_syn, theirs_syn), ('random', ours_rand, theirs_rand)):
        low, high = ttest_ind(100 * a, 100 * b, equal_var=False).confidence_interval()
        print(f'{arm:>8} {100 * a.mean():>7.2f} ± {100 * a.std():4.2f} {100 * b.mean():>7.2f} ± {100 * b.std():4.2f} '
              f'{100 * (a.mean() - b.mean()):>+12.2f} [{low:+.2f}, {high:+.2f}]')
    print(f'seconds for both arms: ours {ours_seconds:.0f} (K networks stacked per lr), '
          f'DD-Ranking {theirs_seconds:.0f} '
          f'(one network after another), ratio {theirs_seconds / ours_seconds:.2f}')

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('set', help='a distilled set (.safetensors), e.g. one made by simple-distill import')
    parser.add_argument('data', help='the real data it was distilled from: CIFAR-10 as an ImageFolder zip')
    parser.add_argument('--models', type=int, default=5, help="networks on our side, evaluation runs on DD-Ranking's")
    parser.add_argument('--scale', type=float, default=0.1, help="fraction of DD-Ranking's 1,000 epochs")
    parser.add_argument('--width', type=int, default=32)
    parser.add_argument('--test-images', type=int, default=2000,
                        help='in all, as many of each class, the same on both sides')
    parser.add_argument('--seed', type=int, default=0)
    args = parser.parse_args()
    formula_check()
    protocol_check(args)

if __name__ == '__main__': main()
