"""The running app's logic without Tk: the break engine and the jobs around it."""
