"""The fixed text of the NumPy script (:mod:`bpstudio.io.script_export` fills it in): the
functions, ``predict``'s first lines and the command-line part. ``{…}`` are ``str.format``
fields; doubled braces are the script's own f-strings."""

READ_NUMBERS = '''

# This network has {count:,} numbers: each array below is written as text, one row per line,
# which Python reads much faster than a list literal; float() reads each number back exactly.
def read_numbers(text, shape):
    """The numbers in text (separated by spaces and new lines) as an array of this shape."""
    return np.array([float(word) for word in text.split()], dtype=np.float64).reshape(shape)

'''

FUNCTIONS = {
    "sigmoid": '''
def sigmoid(Z):
    """{formula}, element by element.

    For z below about -709, e^(-z) overflows to inf and 1 / inf is exactly 0, the right
    limit: the overflow warning is silenced, not the result."""
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-Z))
''',
    "relu": '''
def relu(Z):
    """{formula}, element by element."""
    return np.maximum(Z, 0.0)
''',
    "leaky_relu": '''
LEAKY_SLOPE = {slope!r}


def leaky_relu(Z):
    """{formula}, element by element."""
    return np.where(Z > 0, Z, LEAKY_SLOPE * Z)
''',
    "softmax": '''
def softmax(Z):
    """{formula}, row by row.

    Each row's largest z is subtracted first: the result is the same, and e^z cannot
    overflow."""
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)
''',
}
"""Helper functions the forward pass calls, by activation (tanh and identity need none)."""

CALLS = {
    "sigmoid": "sigmoid({Z})", "tanh": "np.tanh({Z})", "relu": "relu({Z})",
    "leaky_relu": "leaky_relu({Z})", "identity": "{Z}", "softmax": "softmax({Z})",
}

MAIN = '''

def read_csv(path):
    """The numbers of a CSV file, one row per sample; a first line of names is skipped."""
    with open(path, newline="", encoding="utf-8-sig") as stream:
        rows = [row for row in csv.reader(stream) if row]
    if rows and not _is_number(rows[0][0]):
        rows = rows[1:]
    return np.array([[float(cell) for cell in row] for row in rows], dtype=np.float64)


def _is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def main(argv):
    if len(argv) != 1 or argv[0] in ("-h", "--help"):
        print(f"usage: python {{sys.argv[0]}} INPUTS.csv\\n\\n{{__doc__.strip()}}")
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    try:
        X = read_csv(argv[0])
        outputs = predict(X)
    except (OSError, ValueError) as exc:
        print(f"{{sys.argv[0]}}: {{exc}}", file=sys.stderr)
        return 1
    writer = csv.writer(sys.stdout, lineterminator="\\n")
    writer.writerow(OUTPUT_NAMES{class_header})
    for row{class_row_var} in {rows}:
        writer.writerow([repr(float(y)) for y in row]{class_cell})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''

CLASSIFY = '''

def classify(outputs):
    """The class of each row of predict's outputs:
    {rule}."""
    {body}
    return [CLASS_NAMES[k] for k in labels]
'''


PREDICT_HEAD = '''

def predict(X):
    """The network's outputs for X of shape (N, {n}): one row per sample."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != {n}:
        raise ValueError(f"expected {n} numbers per row, got shape {{X.shape}}")
'''
