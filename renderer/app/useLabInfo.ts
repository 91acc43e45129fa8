// What the engine says about this machine (version, the heap cap it gives functions).
import { useCallback } from 'react';
import { useLoad } from '../ui/useLoad.ts';
import { useLab } from './LabContext.tsx';

export function useLabInfo() {
  const { api } = useLab();
  const load = useCallback(() => api['lab:get-info']({}), [api]);
  return useLoad('lab-info', load).state;
}
