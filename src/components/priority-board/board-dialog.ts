// The board's dialogs, loaded when one is first opened (a chunk of its own in the drop-in): add an
// action to a column here; add, rename or retire a priority in priority-dialog.ts.
import { html, type ReactiveControllerHost } from 'lit';
import { ValidationError, parseRecord, type Action, type ActionStatus, type Priority } from '../../model/index.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { describeIssue } from '../../i18n/issues.js';
import { useAdminMessages } from '../../i18n/admin-messages.js';
import type { PlanContext } from '../../context/index.js';
import type { Column, GroupBy } from './columns.js';
import { rankAt } from './placing.js';
import { dialogInput, formDialog, optionalText, prioritySelect } from './form-dialog.js';
import { priorityDialogContent, savePriorityDialog, type PriorityDialog } from './priority-dialog.js';

useAdminMessages();

export type BoardDialog = { kind: 'action'; column: string } | PriorityDialog;

/** What the dialogs need of their board. */
export interface DialogBoard {
  host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };
  plan(): PlanContext;
  priorities(): readonly Priority[];
  grouping(): GroupBy;
  column(key: string): Column | undefined;
  columnTitle(column?: Column): string;
  announce(text: string): void;
  /** An action was added: the board fires its event and makes its card the one focus returns to. */
  added(action: Action): void;
  close(): void;
}

/** One open dialog: its form, the problems with its last submit, and the save. */
export class BoardDialogForm {
  #issues: string[] = [];

  constructor(
    private readonly board: DialogBoard,
    private readonly dialog: BoardDialog,
  ) {}

  #t(key: MessageKey, params?: Record<string, string | number | undefined>): string {
    return t(this.board.plan().locale, key, params);
  }

  render() {
    const { dialog, board } = this;
    const { heading, fields, submit } = dialog.kind === 'action' ? this.#actionDialog(dialog.column) : priorityDialogContent(dialog, board.priorities(), board.plan().locale);
    return formDialog({
      heading,
      issues: this.#issues,
      fields,
      labels: { problem: this.#t('widget.problem'), submit, cancel: this.#t('widget.cancel') },
      onSubmit: (event) => void this.#onSubmit(event),
    });
  }

  #actionDialog(columnKey: string) {
    const input = (name: string, label: MessageKey, value = '', required = false, type = 'text') => dialogInput(name, this.#t(label), value, required, type);
    const live = this.board.priorities().filter((p) => !p.retired);
    const grouping = this.board.grouping();
    return {
      heading: this.#t('board.add-action-to', { column: this.board.columnTitle(this.board.column(columnKey)) }),
      fields: html`${input('title', 'field.title', '', true)}
        ${prioritySelect('priorityId', this.#t('field.priorityId'), live, grouping === 'priority' ? columnKey : undefined)}
        ${input('leadAgency', 'field.leadAgency', grouping === 'lead' ? columnKey : '')} ${input('owner', 'field.owner')}
        ${input('startDate', 'field.startDate', '', false, 'date')} ${input('targetDate', 'field.targetDate', '', false, 'date')}`,
      submit: this.#t('widget.save'),
    };
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { board, dialog } = this;
    const plan = board.plan();
    const form = new FormData(event.target as HTMLFormElement);
    try {
      if (dialog.kind === 'action') {
        const column = board.column(dialog.column);
        const input = {
          id: crypto.randomUUID(),
          planId: plan.planId,
          priorityId: String(form.get('priorityId') ?? ''),
          title: String(form.get('title') ?? ''),
          leadAgency: optionalText(form.get('leadAgency')),
          owner: optionalText(form.get('owner')),
          startDate: optionalText(form.get('startDate')),
          targetDate: optionalText(form.get('targetDate')),
          ...(board.grouping() === 'status' ? { status: dialog.column as ActionStatus } : {}),
          rank: rankAt(column?.actions ?? [], column?.actions.length ?? 0),
        };
        parseRecord('actions', input);
        const action = await plan.store!.put('actions', input, { by: plan.user });
        board.added(action);
        board.announce(this.#t('board.action-added', { title: action.title, column: board.columnTitle(column) }));
      } else {
        const destination = (id: string) => board.column(id)?.actions ?? [];
        board.announce(await savePriorityDialog(dialog, form, { plan, priorities: board.priorities(), destination }));
      }
      board.close();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      this.#issues = error.issues.map((issue) => describeIssue(issue, plan.locale));
      board.host.requestUpdate();
      await board.host.updateComplete;
      board.host.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    }
  }
}
