/*
 * Uploads of attachments (WEB-INF/includes/files.xhtml): the chosen files go to the server in one request whose
 * progress the page shows; then the page is loaded again with them, or the server's refusal is shown. Without
 * scripts the form posts as it is.
 */
(function () {
    "use strict";
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!form.classList || !form.classList.contains("file-upload") || !window.FormData) {
            return;
        }
        event.preventDefault();
        var progress = form.querySelector("progress");
        var status = form.querySelector(".upload-status");
        var button = form.querySelector("button[type=submit]");
        var request = new XMLHttpRequest();
        request.open("POST", form.action);
        request.setRequestHeader("X-Klassrum-Upload", "1");
        request.upload.addEventListener("progress", function (progressed) {
            if (progressed.lengthComputable) {
                progress.hidden = false;
                progress.value = Math.round(100 * progressed.loaded / progressed.total);
            }
        });
        request.addEventListener("load", function () {
            if (request.status >= 200 && request.status < 300) {
                window.location.assign(form.getAttribute("data-back"));
                return;
            }
            progress.hidden = true;
            button.disabled = false;
            status.textContent = request.status === 409 || request.status === 403 ? request.responseText
                : form.getAttribute("data-failed");
        });
        request.addEventListener("error", function () {
            progress.hidden = true;
            button.disabled = false;
            status.textContent = form.getAttribute("data-failed");
        });
        button.disabled = true;
        progress.hidden = false;
        progress.value = 0;
        status.textContent = form.getAttribute("data-uploading");
        request.send(new FormData(form));
    });
}());
