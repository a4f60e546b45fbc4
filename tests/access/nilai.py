from .matrix import Case, everyone

CASES = [
    Case("nilai:pedoman", everyone(200)),
]
