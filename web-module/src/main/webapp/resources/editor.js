/*
 * The rich text editors (WEB-INF/includes/editor.xhtml): PrimeFaces draws each one's writing area (Quill's
 * .ql-editor) when the page has loaded. This gives that area the role of a multi-line text box named by the form's
 * label for the editor and described by the field's message (data-describedby of the wrapper), moves the focus into
 * it when the label is clicked, and lets Tab and Shift+Tab leave it as they leave any field (Quill would otherwise
 * type a tab character). A file of the application's own, so the pages'
 * Content-Security-Policy ('self' plus the answer's nonce) lets it run.
 */
(function () {
    'use strict';

    function nameEditors() {
        document.querySelectorAll('.ui-texteditor').forEach(function (editor) {
            var area = editor.querySelector('.ql-editor');
            if (!area || area.getAttribute('role') === 'textbox') {
                return;
            }
            area.setAttribute('role', 'textbox');
            area.setAttribute('aria-multiline', 'true');
            var description = editor.parentElement.getAttribute('data-describedby');
            if (description) {
                area.setAttribute('aria-describedby', description);
            }
            var label = document.querySelector('label[for="' + editor.id + '"]');
            if (label) {
                if (!label.id) {
                    label.id = editor.id + '_label';
                }
                area.setAttribute('aria-labelledby', label.id);
                label.addEventListener('click', function () {
                    area.focus();
                });
            }
            editor.addEventListener('keydown', function (event) {
                if (event.key === 'Tab' && event.target === area && !event.ctrlKey && !event.altKey && !event.metaKey) {
                    event.stopPropagation();
                }
            }, true);
        });
    }

    new MutationObserver(nameEditors).observe(document.documentElement, {childList: true, subtree: true});
    document.addEventListener('DOMContentLoaded', nameEditors);
}());
