"""BP Studio: design, train and understand backpropagation networks."""

__version__ = "0.1.0"
