"""The views that explain backpropagation: the step inspector, the lessons, the gradient
check, gradient flow, the hidden neurons and the graph lab, and :mod:`.docks`, which adds
them to the window as docks and keeps them in step with the document and its training.

The views here draw what they are given (a snapshot, a trace, a report) like the plain
snapshot views of :mod:`bpstudio.gui.views`; only :mod:`.docks` knows the window's parts.
"""
