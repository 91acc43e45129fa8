// What can be done to a whole function: rename, duplicate, delete (with Undo while the engine
// keeps it restorable), export as a .zip or an AWS SAM project, import either back.
import { useCallback } from 'react';
import type { FunctionArchiveFormat, FunctionDetail } from '../../../sandbox/api/index.ts';
import { LabClientError, errorMessage } from '../../api/client.ts';
import { useLab } from '../../app/LabContext.tsx';
import { base64ToBytes, downloadFile, readFileAsBase64 } from '../../ui/files.ts';
import { useToasts } from '../../ui/Toasts.tsx';

export interface PendingImport {
  fileName: string;
  base64: string;
  /** The name the archive asked for (taken). */
  name: string;
  message: string;
}

export interface FunctionActions {
  rename(name: string, newName: string): Promise<void>;
  duplicate(name: string, newName: string): Promise<void>;
  remove(name: string): Promise<void>;
  exportAs(name: string, format: FunctionArchiveFormat): Promise<void>;
  importFile(file: File): Promise<void>;
  /** Imports an archive under the given name (after a name conflict). */
  importAs(pending: PendingImport, name: string): Promise<void>;
}

export function useFunctionActions({ select, onRenamed, onNameConflict }: {
  /** Shows this function (it may not be in the list yet). */
  select: (fn: FunctionDetail) => void;
  /** Unsaved work and remembered state follow a renamed function. */
  onRenamed: (from: string, to: string) => void;
  onNameConflict: (pending: PendingImport) => void;
}): FunctionActions {
  const { api } = useLab();
  const toasts = useToasts();

  const rename = useCallback(
    async (name: string, newName: string) => {
      const fn = await api['functions:rename']({ name, newName });
      onRenamed(name, newName);
      select(fn);
      toasts.show({ message: `Renamed ${name} to ${newName}.`, detail: 'Its test events and history moved along; the next invocation is a cold start.' });
    },
    [api, onRenamed, select, toasts],
  );

  const duplicate = useCallback(
    async (name: string, newName: string) => {
      const fn = await api['functions:duplicate']({ name, newName });
      select(fn);
      toasts.show({ message: `Created ${newName}, a copy of ${name}.`, detail: 'Code, settings and test events were copied; the history was not.' });
    },
    [api, select, toasts],
  );

  const remove = useCallback(
    async (name: string) => {
      const deleted = await api['functions:delete']({ name });
      const left = Math.max(1000, Date.parse(deleted.restorableUntil) - Date.now());
      toasts.show({
        message: `Deleted ${name}.`,
        detail: `Undo within ${Math.round(left / 1000)} seconds; its invocation history stays.`,
        durationMs: left,
        action: {
          label: 'Undo',
          onSelect: () => {
            api['functions:restore']({ name }).then(
              (fn) => {
                select(fn);
                toasts.show({ message: `Restored ${name}.` });
              },
              (e: unknown) => toasts.show({ message: `Could not restore ${name}.`, detail: errorMessage(e), tone: 'error' }),
            );
          },
        },
      });
    },
    [api, select, toasts],
  );

  const exportAs = useCallback(
    async (name: string, format: FunctionArchiveFormat) => {
      try {
        const archive = await api['functions:export']({ name, format });
        downloadFile(archive.fileName, base64ToBytes(archive.base64), 'application/zip');
        toasts.show({
          message: `Exported ${archive.fileName}.`,
          detail: format === 'sam' ? 'Unzip it, then run sam build and sam deploy --guided to run the function on AWS.' : 'A deployment package: upload it in the Lambda console or with aws lambda update-function-code.',
        });
      } catch (e) {
        toasts.show({ message: `Could not export ${name}.`, detail: errorMessage(e), tone: 'error' });
      }
    },
    [api, toasts],
  );

  const imported = useCallback(
    (fn: FunctionDetail & { warnings: string[] }, fileName: string) => {
      select(fn);
      toasts.show({
        message: `Imported ${fileName} as ${fn.name}.`,
        ...(fn.warnings.length > 0 ? { detail: fn.warnings.join(' ') } : {}),
        durationMs: fn.warnings.length > 0 ? 15_000 : 6000,
      });
    },
    [select, toasts],
  );

  const importFile = useCallback(
    async (file: File) => {
      let base64: string | undefined;
      try {
        base64 = await readFileAsBase64(file);
        const fn = await api['functions:import']({ fileName: file.name, base64 });
        imported(fn, file.name);
      } catch (e) {
        if (e instanceof LabClientError && e.code === 'conflict' && base64 !== undefined) {
          const details = e.details as { name?: unknown } | undefined;
          const name = typeof details?.name === 'string' ? details.name : file.name.replace(/(-sam)?\.zip$/i, '');
          onNameConflict({ fileName: file.name, base64, name, message: e.message });
          return;
        }
        toasts.show({ message: `Could not import ${file.name}.`, detail: errorMessage(e), tone: 'error', durationMs: 12_000 });
      }
    },
    [api, imported, onNameConflict, toasts],
  );

  const importAs = useCallback(
    async (pending: PendingImport, name: string) => {
      const fn = await api['functions:import']({ fileName: pending.fileName, base64: pending.base64, name });
      imported(fn, pending.fileName);
    },
    [api, imported],
  );

  return { rename, duplicate, remove, exportAs, importFile, importAs };
}
