"""The local stack: the whole platform on this machine, on moto's AWS emulation over HTTP."""
