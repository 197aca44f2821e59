;;; lsp-test.el --- Emacs 28 + eglot 1.9 (Debian) as a third real LSP client of dist/server.js  -*- lexical-binding: t -*-
;;
;; Same protocol walk as test/e2e/nvim/lsp-test.lua, recorded to the same JSON shape, so
;; test/e2e/run-emacs.js can judge it with the shared checks (test/e2e/lib/client-checks.js).
;;
;; Inputs (environment): NEWSDUMP_SERVER, NEWSDUMP_EMACS_OUT, NEWSDUMP_LANGUAGE_ID.
;; Run: emacs --batch -Q -l test/e2e/emacs/lsp-test.el FILE
;;
;; Batch-mode notes: -Q drops site-lisp from load-path, so Debian's elpa packages are found
;; through package-directory-list; flymake never displays in --batch, so publishDiagnostics
;; is caught directly; eglot's didChange is sent on an idle timer, so it is flushed by hand.

(setq package-directory-list (list "/usr/share/emacs/site-lisp/elpa"))
(package-initialize)
(require 'eglot)
(require 'json)
(require 'cl-lib)

(defvar nd-server (or (getenv "NEWSDUMP_SERVER") (error "NEWSDUMP_SERVER not set")))
(defvar nd-out (or (getenv "NEWSDUMP_EMACS_OUT") (error "NEWSDUMP_EMACS_OUT not set")))
(defvar nd-language-id (or (getenv "NEWSDUMP_LANGUAGE_ID") "newsdump"))
(defvar nd-wait-secs 15)
(defvar nd-t0 (float-time))
(defvar nd-result nil "Plist written as JSON at the end.")
(defvar nd-steps nil)
(defvar nd-errors nil)
(defvar nd-publishes nil "Diagnostics vectors, newest first.")

;; server-initiated edits (workspace/applyEdit) must not prompt: there is no one to answer
(setq eglot-confirm-server-initiated-edits nil)
(setq eglot-sync-connect t)

(defun nd-put (key value) (setq nd-result (plist-put nd-result key value)))
(defun nd-step (name)
  (push (list :name name :ms (round (* 1000 (- (float-time) nd-t0)))) nd-steps))
(defun nd-wait (pred &optional secs)
  (let ((end (+ (float-time) (or secs nd-wait-secs))))
    (while (and (not (funcall pred)) (< (float-time) end))
      (accept-process-output nil 0.02))
    (funcall pred)))
(defun nd-text () (buffer-substring-no-properties (point-min) (point-max)))
(defun nd-latest () (car nd-publishes))

(cl-defmethod eglot-handle-notification :after
  (_server (_m (eql textDocument/publishDiagnostics)) &key _uri diagnostics &allow-other-keys)
  (push diagnostics nd-publishes))

(defun nd-apply (server action)
  "Apply a code action as an editor does: its edit, then its command."
  (let ((edit (plist-get action :edit))
        (command (plist-get action :command)))
    (when edit (eglot--apply-workspace-edit edit))
    (when (and command (listp command))
      (jsonrpc-request server :workspace/executeCommand
                       (list :command (plist-get command :command)
                             :arguments (or (plist-get command :arguments) []))))
    (eglot--signal-textDocument/didChange)))

(defun nd-run ()
  (find-file (car command-line-args-left))
  (setq command-line-args-left nil)
  (text-mode)
  (let* ((dir (file-name-directory buffer-file-name))
         (server (eglot '(text-mode) (cons 'transient dir) 'eglot-lsp-server
                        (list "node" nd-server "--stdio") nd-language-id))
         (tdi (list :textDocument (eglot--TextDocumentIdentifier))))
    (nd-put :initialized (if (and server (jsonrpc-running-p server)) t :json-false))
    (nd-step "initialized")
    (nd-put :original_text (nd-text))

    ;; 1. diagnostics after didOpen
    (nd-wait (lambda () (and (nd-latest) (> (length (nd-latest)) 0))))
    (nd-put :diagnostics (or (nd-latest) []))
    (nd-step "diagnostics")

    ;; 2. outline and folding
    (nd-put :symbols (jsonrpc-request server :textDocument/documentSymbol tdi))
    (nd-step "documentSymbol")
    (nd-put :folds (jsonrpc-request server :textDocument/foldingRange tdi))
    (nd-step "foldingRange")

    ;; 3. hover and quick fix on the first sponsored widget
    (let* ((widget (cl-find-if (lambda (d) (equal (plist-get d :code) "sponsored-widget"))
                               (plist-get nd-result :diagnostics)))
           (range (plist-get widget :range)))
      (unless widget (error "no sponsored-widget diagnostic"))
      (nd-put :widget widget)
      (nd-put :widget_text (let ((r (eglot--range-region range)))
                             (buffer-substring-no-properties (car r) (cdr r))))
      (nd-put :hover (jsonrpc-request server :textDocument/hover
                                      (append tdi (list :position (plist-get range :start)))))
      (nd-step "hover")
      (let* ((actions (jsonrpc-request server :textDocument/codeAction
                                       (append tdi (list :range range
                                                         :context (list :diagnostics (vector widget)
                                                                        :only ["quickfix"])))))
             (preferred (or (cl-find-if (lambda (a) (eq (plist-get a :isPreferred) t)) actions)
                            (and (> (length actions) 0) (aref actions 0))))
             (n (length nd-publishes)))
        (nd-put :quickfix_actions actions)
        (nd-step "codeAction quickfix")
        (unless preferred (error "no quick fix offered"))
        (nd-apply server preferred)
        (nd-put :after_quickfix_text (nd-text))
        (nd-wait (lambda () (> (length nd-publishes) n)))
        (nd-put :diagnostics_after_quickfix (or (nd-latest) []))
        (nd-step "quick fix applied")))

    ;; 4. fix-all over the whole document
    (let* ((all (jsonrpc-request server :textDocument/codeAction
                                 (append tdi (list :range (list :start (list :line 0 :character 0)
                                                                :end (eglot--pos-to-lsp-position (point-max)))
                                                   :context (list :diagnostics (or (nd-latest) [])
                                                                  :only ["source.fixAll.newsdump"])))))
           (fixall (cl-find-if (lambda (a) (equal (plist-get a :kind) "source.fixAll.newsdump")) all))
           (n (length nd-publishes)))
      (nd-put :fixall_actions all)
      (nd-step "codeAction fixAll")
      (when fixall
        (nd-apply server fixall)
        (nd-put :after_fixall_text (nd-text))
        (nd-wait (lambda () (> (length nd-publishes) n)))
        (nd-put :diagnostics_after_fixall (or (nd-latest) []))
        (nd-step "fix-all applied")))

    ;; 5. original text back, then the server command whose edit arrives as workspace/applyEdit
    (let ((n (length nd-publishes)))
      (erase-buffer)
      (insert (plist-get nd-result :original_text))
      (eglot--signal-textDocument/didChange)
      (nd-wait (lambda () (and (> (length nd-publishes) n) (> (length (nd-latest)) 0))))
      (nd-put :restored_text (nd-text))
      (nd-put :command_result (jsonrpc-request server :workspace/executeCommand
                                               (list :command "newsdump.applyFixAll"
                                                     :arguments (vector (plist-get (plist-get tdi :textDocument) :uri)))))
      (nd-put :after_command_text (nd-text))
      (nd-step "executeCommand applyFixAll"))

    ;; 6. orderly shutdown
    (set-buffer-modified-p nil)
    (eglot-shutdown server)
    (nd-put :stopped (if (jsonrpc-running-p server) :json-false t))
    (nd-step "stopped")))

(condition-case err
    (nd-run)
  (error (push (format "%S" err) nd-errors)))

(nd-put :steps (vconcat (reverse nd-steps)))
(nd-put :errors (vconcat (reverse nd-errors)))
(let ((coding-system-for-write 'utf-8)
      (json-encoding-pretty-print nil))
  (write-region (json-encode nd-result) nil nd-out nil 'silent))
(kill-emacs 0)
