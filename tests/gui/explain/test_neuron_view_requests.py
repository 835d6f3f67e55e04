"""A neuron asked for before its outputs arrive (the view was just opened) is shown once they
do; asking for one that is not there changes nothing."""

from bpstudio.core.diagnostics import hidden_outputs


def test_a_neuron_asked_for_early_is_shown_when_the_outputs_arrive(plane):
    view, net, grid = plane
    view.all_check.setChecked(True)
    view.select_neuron(2, 1)  # nothing to show yet
    view.show_hidden(hidden_outputs(net, grid.inputs))
    assert view.selected == (2, 1) and not view.all_check.isChecked()
    assert view.status_label.text().startswith("A₂[:, 1]")


def test_asking_for_a_neuron_that_is_not_there_keeps_the_choice(plane):
    view, net, grid = plane
    hidden = hidden_outputs(net, grid.inputs)
    view.show_hidden(hidden)
    view.select_neuron(1, 2)
    view.select_neuron(3, 0)  # the output layer: no picture
    view.show_hidden([hidden[0], hidden[1][:, :1]])  # another layout: the combo is refilled
    assert view.selected == (1, 2) and view.neuron_combo.count() == 4
