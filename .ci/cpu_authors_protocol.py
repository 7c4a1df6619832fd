"""The authors' published evaluation against the same protocol through our stacked evaluator, on identical inputs.

A benchmark outside CI (about 15 minutes on two cores with --models 4 --test-images 2000). One CIFAR-10 IPC1 set (one
random real image per class, ZCA-whitened by our transform), the same test images, ConvNet-3 of width 128: K networks
trained by the authors' own `Distill.init_train` (Adam 1e-3, their flip_rotate augmentation, cumulative checkpoints) and
K networks under our `authors_optimistic` protocol with the same checkpoints. Prints the mean test accuracy at each
checkpoint on both sides, the difference with its Welch 95% interval, and the reported (best on test) accuracy of each.

    git -C AUTHORS_REPO archive HEAD | tar -x -C /tmp/authors   # a checkout of fengyzpku/Simple_Dataset_Distillation
    python .ci/cpu_authors_protocol.py /tmp/authors data/cifar10-jpeg.zip [--models 5] [--checkpoints 300,600,1000]
"""
import argparse, dataclasses, random, sys, time
import numpy as np
import torch
from scipy.stats import ttest_ind
from simple_distill.data import load_dataset
from simple_distill.evaluate import random_real_subsets
from simple_distill.protocols import PROTOCOLS, protocol_measurements

def authors_curve(authors:str, images, labels, dataset, checkpoints, n_models, seed)->np.ndarray:
    "[K, checkpoints] test accuracies of networks trained by the authors' Distill.init_train, on the CPU"
    torch.Tensor.cuda = lambda self, *a, **k: self  # their code moves everything to CUDA; here it stays on the CPU
    torch.nn.Module.cuda = lambda self, *a, **k: self
    sys.path.insert(0, authors)
    from framework.distill_higher import Distill
    from framework.util import ImageIntervention
    augment = lambda name: ImageIntervention(name, 'flip_rotate', phase='test')
    model = Distill(images.flatten(1), labels, 'convnet', window=1, lr=1e-3, num_train_eval=n_models, img_pc=1, batch_pc=1,
                    num_classes=10, task_sampler_nc=10, train_y=False, channel=3, im_size=(32, 32), inner_optim='Adam',
                    syn_intervention=augment('syn_aug'), real_intervention=augment('real_aug'))
    model.data.weight.data = images.flatten(1).clone()  # class-major, one image per class
    test = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(dataset.test_images, dataset.test_labels), 500)
    def accuracy():
        with torch.no_grad(): return np.mean(torch.cat([model.test(x)[0].argmax(1) == y for x, y in test]).float().numpy())
    accs = np.zeros((n_models, len(checkpoints)))
    for k in range(n_models):
        torch.manual_seed(seed + k); random.seed(seed + k)
        model.init_train(0, init=True)
        done = 0
        for j, c in enumerate(checkpoints):
            model.init_train(c - done); done = c
            accs[k, j] = accuracy()
    return accs

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('authors', help="a checkout of the authors' repository (its framework/ folder)")
    parser.add_argument('data', help='CIFAR-10 as an ImageFolder zip')
    parser.add_argument('--models', type=int, default=5)
    parser.add_argument('--checkpoints', default='300,600,1000')
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--test-images', type=int, default=None, help='score on this many test images, as many per class')
    args = parser.parse_args()
    checkpoints = tuple(int(c) for c in args.checkpoints.split(','))
    dataset = load_dataset(args.data, zca=True)
    if args.test_images:  # the same class-balanced test images on both sides: a width-128 pass over 10,000 takes minutes
        keep = random_real_subsets(dataset.test_labels, args.test_images // 10, 1, torch.Generator().manual_seed(1))[0]
        dataset = dataclasses.replace(dataset, test_images=dataset.test_images[keep], test_labels=dataset.test_labels[keep])
    picks = random_real_subsets(dataset.train_labels, 1, 1, torch.Generator().manual_seed(args.seed))[0]
    images, labels = dataset.train_images[picks], dataset.train_labels[picks]
    order = labels.argsort(); images, labels = images[order], labels[order]
    start = time.time()
    protocol = dataclasses.replace(PROTOCOLS['authors_optimistic'], checkpoints=checkpoints)
    ours = protocol_measurements(images, labels, dataset, protocol, args.models, args.seed, width=128)[0, :, 1].T.numpy()
    ours_seconds, start = time.time() - start, time.time()
    theirs = authors_curve(args.authors, images, labels, dataset, checkpoints, args.models, args.seed)
    theirs_seconds = time.time() - start
    print(f'CIFAR-10 IPC1 (one random real image per class, seed {args.seed}), ConvNet-3 width 128, '
          f'{args.models} networks each, {len(dataset.test_labels)} test images')
    print(f'{"steps":>6} {"ours":>14} {"authors":>14} {"ours - authors (95% CI)":>28}')
    for j, c in enumerate(checkpoints):
        a, b = 100 * ours[:, j], 100 * theirs[:, j]
        low, high = ttest_ind(a, b, equal_var=False).confidence_interval()
        print(f'{c:>6} {a.mean():>7.2f} ± {a.std():4.2f} {b.mean():>7.2f} ± {b.std():4.2f} '
              f'{a.mean() - b.mean():>+10.2f} [{low:+.2f}, {high:+.2f}]')
    best = lambda accs: 100 * accs[:, accs.mean(0).argmax()]
    print(f'reported (best checkpoint on test): ours {best(ours).mean():.2f}, authors {best(theirs).mean():.2f}')
    print(f'seconds: ours {ours_seconds:.0f} (stacked), authors {theirs_seconds:.0f} (one network after another)')

if __name__ == '__main__': main()
