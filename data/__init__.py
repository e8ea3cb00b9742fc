"""The example maps, one folder each; installed inside the package as ``actormap.examples``."""
