"""Speed at scale, run by `make bench` (`python -m benchmarks`): search over 100,000 cases in one
office through the real list path, and the encryption round trip. Prints figures only; exits
non-zero when a target is missed. It works in a throwaway database of its own.
"""
