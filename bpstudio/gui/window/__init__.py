"""The main window and its commands: menus and actions, file commands (open, save, export),
settings, the status line, the dock layout and the live views it draws frames into, errors and
the crash guard. The window composes the designer, the training controller, the views and the
explaining docks and hands each the collaborators it uses.

Nothing is imported here, so a module of the window (``dock_spec``, ``errors``) loads without
building the whole window.
"""
