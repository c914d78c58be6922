/**
 * The globals a legitimate PyTorch, NumPy or scikit-learn checkpoint needs to import. Exact
 * `module.name` pairs, never whole modules: an allowed module used as a gadget (for example
 * `numpy.load`, `torch.load`, `torch.storage._load_from_bytes`) stays out. Modelled on the
 * allowlist PyTorch's own `weights_only` unpickler uses.
 */
const TORCH_STORAGES = [
  'FloatStorage',
  'DoubleStorage',
  'HalfStorage',
  'BFloat16Storage',
  'LongStorage',
  'IntStorage',
  'ShortStorage',
  'CharStorage',
  'ByteStorage',
  'BoolStorage',
  'UntypedStorage',
  'ComplexFloatStorage',
  'ComplexDoubleStorage',
  'QInt8Storage',
  'QUInt8Storage',
  'QInt32Storage',
];
const TORCH_DTYPES = [
  'float32',
  'float64',
  'float16',
  'bfloat16',
  'int64',
  'int32',
  'int16',
  'int8',
  'uint8',
  'bool',
  'complex64',
  'complex128',
  'float8_e4m3fn',
  'float8_e5m2',
  'qint8',
  'quint8',
  'qint32',
];

export const PICKLE_ALLOWLIST: ReadonlySet<string> = new Set([
  // Python containers and primitives the unpickler itself produces.
  'collections.OrderedDict',
  'collections.defaultdict',
  'builtins.object',
  'builtins.set',
  'builtins.frozenset',
  'builtins.slice',
  'builtins.complex',
  'builtins.bytearray',
  'builtins.range',
  '__builtin__.set',
  'copyreg._reconstructor',
  'copy_reg._reconstructor',
  '_codecs.encode',
  // PyTorch tensors, parameters, storages, sizes, dtypes, devices.
  'torch._utils._rebuild_tensor',
  'torch._utils._rebuild_tensor_v2',
  'torch._utils._rebuild_tensor_v3',
  'torch._utils._rebuild_parameter',
  'torch._utils._rebuild_parameter_with_state',
  'torch._utils._rebuild_qtensor',
  'torch._utils._rebuild_sparse_tensor',
  'torch._utils._rebuild_meta_tensor_no_storage',
  'torch._tensor._rebuild_from_type_v2',
  'torch.nn.parameter.Parameter',
  'torch.Tensor',
  'torch.Size',
  'torch.device',
  'torch.per_tensor_affine',
  'torch.serialization._get_layout',
  'torch.strided',
  'torch.sparse_coo',
  ...TORCH_STORAGES.map((s) => `torch.${s}`),
  ...TORCH_DTYPES.map((d) => `torch.${d}`),
  // NumPy arrays, dtypes and scalars.
  'numpy.core.multiarray._reconstruct',
  'numpy._core.multiarray._reconstruct',
  'numpy.core.multiarray.scalar',
  'numpy._core.multiarray.scalar',
  'numpy.ndarray',
  'numpy.dtype',
  'numpy.random._pickle.__randomstate_ctor',
  'numpy.random._pickle.__bit_generator_ctor',
  'numpy.random._pickle.__generator_ctor',
  'numpy.random.mtrand.RandomState',
  'numpy.random._mt19937.MT19937',
  'numpy.random._pcg64.PCG64',
  // joblib's wrapper around the NumPy arrays it stores beside the pickle.
  'joblib.numpy_pickle.NumpyArrayWrapper',
]);

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,200}$/;
const CLASS_NAME = /^[A-Z][A-Za-z0-9]{0,200}$/;

/** True when importing `module.name` is allowed. */
export function isAllowedGlobal(module: string, name: string): boolean {
  if (PICKLE_ALLOWLIST.has(`${module}.${name}`)) return true;
  // scikit-learn estimators and their parts are classes (CamelCase); its functions are not allowed.
  if (module === 'sklearn' || module.startsWith('sklearn.')) {
    const parts = module.split('.');
    return parts.every((p) => IDENT.test(p) && !p.startsWith('__')) && CLASS_NAME.test(name);
  }
  return false;
}
