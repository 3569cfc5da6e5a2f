import { python } from '@codemirror/lang-python';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { basicSetup, EditorView } from 'codemirror';

/** What POST /check answers. */
interface CheckAnswer {
  ok: boolean;
  error?: { type: string; message: string; line: number; column: number; excerpt: string };
}

export interface EditorHooks {
  /** The kind /check compiles for: 'standard' or 'launch'. */
  checkKind(): string;
  /** Each change of the text. */
  changed(): void;
  /** /check's verdict, as a line to show under the editor. */
  checked(message: string, ok: boolean): void;
}

/**
 * The condition's editor: CodeMirror 6 with Python highlighting, and a linter that asks the
 * evaluator's own /check, so the error is underlined where the evaluator, not a Python
 * parser, finds it.
 */
export function createEditor(parent: HTMLElement, text: string, hooks: EditorHooks): EditorView {
  const check = linter(
    async (view): Promise<Diagnostic[]> => {
      const condition = view.state.doc.toString();
      let answer: CheckAnswer;
      try {
        const res = await fetch('/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ condition, kind: hooks.checkKind() }) });
        answer = (await res.json()) as CheckAnswer;
        if (!res.ok) {
          hooks.checked(`/check answered ${res.status}: ${(answer as unknown as { error: string }).error}`, false);
          return [];
        }
      } catch (err) {
        hooks.checked(`/check failed: ${err instanceof Error ? err.message : String(err)}`, false);
        return [];
      }
      // the text changed while /check was asked: a later run of the linter answers for it
      if (view.state.doc.toString() !== condition) return [];
      if (answer.ok || answer.error === undefined) {
        hooks.checked('compiles', true);
        return [];
      }
      const e = answer.error;
      hooks.checked(`${e.type}: ${e.message} (line ${e.line}, column ${e.column})`, false);
      const doc = view.state.doc;
      const line = doc.line(Math.min(Math.max(e.line, 1), doc.lines));
      const from = Math.min(line.from + e.column - 1, line.to);
      return [{ from, to: Math.min(from + 1, line.to), severity: 'error', source: e.type, message: e.message }];
    },
    { delay: 250 },
  );
  return new EditorView({
    parent,
    doc: text,
    extensions: [
      basicSetup,
      python(),
      check,
      lintGutter(),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) hooks.changed();
      }),
    ],
  });
}
