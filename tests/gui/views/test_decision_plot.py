"""The decision regions shade what the network says over the input plane."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from bpstudio.gui.views import DecisionRegionView, number_format, palette
from bpstudio.session import DataSpec
from tests.gui.views.runs import BINARY, SIN, SOFTMAX, Run, make_view, n_points


def test_binary_regions_shade_the_probability_with_fixed_levels(qtbot):
    run = Run(BINARY, DataSpec("circles", {"n": 60}, test_fraction=0.25, standardize=True))
    view = make_view(qtbot, DecisionRegionView, run)
    assert len(view.train_points.data) == 45 and len(view.test_points.data) == 15
    snap = run.snapshot(5)
    view.show_snapshot(snap)
    image = view.image.image
    assert image.shape == (40, 40, 3) and image.dtype == np.uint8
    np.testing.assert_array_equal(view.image.getLevels(), [0, 255])
    lut = palette.diverging_lut()
    index = np.rint(snap.grid_outputs.reshape(40, 40) * 255).astype(int)
    np.testing.assert_array_equal(image, lut[index])  # pixel (i, j) shades output (i, j)
    view.show_snapshot(dataclasses.replace(snap, epoch=snap.epoch + 1))
    assert view.image.image is image  # looks the same: not redrawn
    fixed = np.tile([0.0, 0.5, 1.0, np.nan], 400).reshape(-1, 1)  # the same colours whatever
    view.show_snapshot(dataclasses.replace(snap, grid_outputs=fixed))  # else is on screen
    blue, white, orange = (tuple(int(v) for v in c) for c in (
        palette.shade(palette.BLUE).round(), (255, 255, 255),
        palette.shade(palette.ORANGE).round()))
    assert [tuple(int(v) for v in view.image.image[0, j]) for j in range(4)] == [
        blue, white, orange, white]  # an overflowed output is white
    rect = view.image.mapRectToView(view.image.boundingRect())
    dx = run.grid.xs[1] - run.grid.xs[0]
    assert rect.left() == pytest.approx(run.grid.xs[0] - dx / 2)
    assert rect.width() == pytest.approx(40 * dx)
    boundary_x, _ = view.boundary.getData()
    assert len(boundary_x) > 0 and len(boundary_x) % 2 == 0


def test_regions_report_accuracy_and_leave_out_what_was_not_measured(qtbot):
    run = Run(BINARY, DataSpec("xor", {"n": 40}))
    view = make_view(qtbot, DecisionRegionView, run)
    metrics = {"train_accuracy": 0.975, "test_accuracy": float("nan")}
    view.show_snapshot(dataclasses.replace(run.snapshot(1), metrics=metrics))
    assert view.status_label.text() == "accuracy   train 97.5 %"
    assert number_format.score_text({"train_r2": 0.98123, "test_r2": 0.5}, "r2") == (
        "R²   train 0.981   test 0.500"
    )
    # a diverged fit's R² is short, not three hundred digits
    assert number_format.score_text({"train_r2": -2.3e300}, "r2") == "R²   train -2.3e+300"


def test_test_points_are_hollow_and_coloured_by_class(qtbot):
    run = Run(BINARY, DataSpec("xor", {"n": 40}, test_fraction=0.5))
    view = make_view(qtbot, DecisionRegionView, run)
    train, test = view.train_points.data, view.test_points.data
    for points, labels in ((train, run.data.train.y), (test, run.data.test.y)):
        colours = [
            (p["brush"] if points is train else p["pen"]).color().name() for p in points
        ]
        assert colours == [palette.class_colour(int(c)) for c in labels]
    assert view.test_points.opts["brush"].color().name() == "#ffffff"  # hollow: white inside


def test_softmax_regions_show_the_class_colours(qtbot):
    run = Run(SOFTMAX, DataSpec("gaussians", {"n": 60, "classes": 3}))
    view = make_view(qtbot, DecisionRegionView, run)
    snap = run.snapshot(2)
    thirds = np.repeat(np.eye(3), [600, 500, 500], axis=0)  # rows 0-14 class 0, ...
    view.show_snapshot(dataclasses.replace(snap, grid_outputs=thirds))
    image = view.image.image
    assert image.shape == (40, 40, 3) and image.dtype == np.uint8
    np.testing.assert_array_equal(view.image.getLevels(), [0, 255])
    colours = {tuple(int(v) for v in c) for c in image.reshape(-1, 3)}
    expected = {tuple(int(v) for v in palette.shade(palette.class_colour(k)).round())
                for k in range(3)}
    assert colours == expected
    assert len(view.boundary.getData()[0]) > 0


def test_softmax_blend_mixes_colours_by_probability(qtbot):
    run = Run(SOFTMAX, DataSpec("gaussians", {"n": 60, "classes": 3}))
    view = make_view(qtbot, DecisionRegionView, run)
    mixed = view.blend(np.array([[[0.5, 0.5, 0.0]]]))
    half = (palette.shade(palette.class_colour(0)) + palette.shade(palette.class_colour(1))) / 2
    np.testing.assert_array_equal(mixed[0, 0], half.round())


@pytest.mark.parametrize(
    ("network", "data", "reason"),
    [
        (BINARY, DataSpec("binary4"), "this data has 4"),
        (SIN, DataSpec("sin", {"n": 10}), "regression"),
    ],
)
def test_regions_explain_when_there_is_no_plane(qtbot, network, data, reason):
    run = Run(network, data)
    view = make_view(qtbot, DecisionRegionView, run)
    assert reason in view.message
    view.show_snapshot(run.snapshot(1))
    assert view.image.image is None


def test_clear_forgets_the_regions(qtbot):
    run = Run(BINARY, DataSpec("moons", {"n": 40}))
    view = make_view(qtbot, DecisionRegionView, run)
    view.show_snapshot(run.snapshot(1))
    view.clear()
    assert view.image.image is None
    assert n_points(view.boundary) == 0
