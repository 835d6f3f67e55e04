"""The views that explain backpropagation: the step inspector, the lessons, the gradient
check, gradient flow, the hidden neurons and the graph lab.

Like the plain snapshot views of :mod:`bpstudio.gui.views` they draw what they are given (a
snapshot, a trace, a report) and know nothing of the window; the window adds them as docks
and keeps them in step with the document and its training
(:mod:`bpstudio.gui.window.explain_docks`).
"""
