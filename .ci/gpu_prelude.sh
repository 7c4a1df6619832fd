# Sourced by every .ci/gpu_*.sh: `source "$(dirname "$0")/gpu_prelude.sh" DEFAULT_OUT MIN_GPUS "$@"`.
# Strict mode, the repository root as the working folder, `out` (the script's first argument, else DEFAULT_OUT; created
# unless DEFAULT_OUT is empty), `bin` and `py` for the checkout's .venv when there is one, and a one-line refusal where
# fewer than MIN_GPUS CUDA devices are visible.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
default_out=$1 min_gpus=$2
shift 2
out=${1:-$default_out}
[ -z "$out" ] || mkdir -p "$out"
if [ -x .venv/bin/python ]; then bin=.venv/bin/ py=.venv/bin/python; else bin="" py=python3; fi
$py -c "import torch, sys; n = torch.cuda.device_count()
sys.exit(None if n >= $min_gpus else f'{n} CUDA device(s) here, this needs $min_gpus: run it on the GPU machine')"
