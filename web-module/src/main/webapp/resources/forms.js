/*
 * What every form of the pages does in the browser:
 * - after a refused submit, each field whose message (h:message, .field-error) says something is marked
 *   aria-invalid="true", and the focus moves to the first of them, so that the reader starts where the problem is;
 * - a field marked aria-required="true" gets a visible mark beside its label (screen readers hear "required" from
 *   the attribute itself);
 * - a form is sent once: its button shows that it is working (aria-busy, the class "working") and is disabled
 *   until the answer arrives, so a second press sends nothing twice.
 * A file of the application's own, so the pages' Content-Security-Policy ('self' plus the answer's nonce) lets it run.
 */
(function () {
    'use strict';

    function fieldsDescribedBy(message) {
        return Array.prototype.filter.call(document.querySelectorAll('[aria-describedby]'), function (field) {
            return field.getAttribute('aria-describedby').split(/\s+/).indexOf(message.id) >= 0;
        });
    }

    function markInvalidFields() {
        var first = null;
        document.querySelectorAll('.field-error').forEach(function (message) {
            if (!message.id || !message.textContent.trim()) {
                return;
            }
            fieldsDescribedBy(message).forEach(function (field) {
                field.setAttribute('aria-invalid', 'true');
                if (!first) {
                    first = field;
                }
            });
        });
        if (first) {
            first.focus();
        }
    }

    function markRequiredLabels() {
        document.querySelectorAll('[aria-required="true"]').forEach(function (field) {
            var label = field.id ? document.querySelector('label[for="' + field.id + '"]') : null;
            if (label && !label.querySelector('.required-mark')) {
                var mark = document.createElement('span');
                mark.className = 'required-mark';
                mark.setAttribute('aria-hidden', 'true');
                mark.textContent = ' *';
                label.appendChild(mark);
            }
        });
    }

    function sendOnce(event) {
        var form = event.target;
        if (form.getAttribute('data-sending') === 'true') {
            event.preventDefault();
            return;
        }
        form.setAttribute('data-sending', 'true');
        var button = event.submitter;
        if (button) {
            button.setAttribute('aria-busy', 'true');
            button.classList.add('working');
            // After the browser has taken the pressed button's name into what it sends.
            window.setTimeout(function () {
                button.disabled = true;
            }, 0);
        }
        // An answer that is a download leaves the page in place: the form is usable again after a while.
        window.setTimeout(function () {
            release(form);
        }, 10000);
    }

    function release(form) {
        form.removeAttribute('data-sending');
        form.querySelectorAll('.working').forEach(function (button) {
            button.classList.remove('working');
            button.removeAttribute('aria-busy');
            button.disabled = false;
        });
    }

    function ready() {
        markInvalidFields();
        markRequiredLabels();
        document.addEventListener('submit', sendOnce);
        // A page shown again from the browser's history is not waiting for anything.
        window.addEventListener('pageshow', function (event) {
            if (event.persisted) {
                document.querySelectorAll('form[data-sending]').forEach(release);
            }
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', ready);
    } else {
        ready();
    }
}());
