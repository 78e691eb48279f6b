/*
 * The import page follows a running import: while any run is running (data-running="true"), the page is read again
 * every few seconds, so its phase and progress move without the reader pressing "Uppdatera". Not while the reader is
 * choosing files to upload. A file of the application's own, so the pages' Content-Security-Policy lets it run.
 */
(function () {
    'use strict';

    var EVERY_MILLISECONDS = 3000;

    function choosing() {
        return Array.prototype.some.call(document.querySelectorAll('#upload input[type="file"]'), function (input) {
            return input.files && input.files.length > 0;
        });
    }

    function follow() {
        var state = document.getElementById('runsState');
        if (state && state.getAttribute('data-running') === 'true') {
            window.setTimeout(function () {
                if (!choosing()) {
                    window.location.replace(window.location.pathname);
                } else {
                    follow();
                }
            }, EVERY_MILLISECONDS);
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', follow);
    } else {
        follow();
    }
}());
