// For pages that allow no inline script (csp-loader.html): configure the elements above.
window.configure();
