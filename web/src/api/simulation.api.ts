import type { components } from './openapi';
import { answer, api, type BodyOf } from './client';

// Every type here is the generated document's (openapi.d.ts), never a copy.
export type Simulation = components['schemas']['Simulation'];
export type SimulationInput = BodyOf<'/api/hubs/{hub}/programs/{id}/simulation', 'post'>;
export type ProgramOutcomes = components['schemas']['ProgramOutcomes'];

/** "What if the rules were these?": the server writes nothing. */
export function simulateProgram(hub: string, id: string, body: SimulationInput) {
  return answer(api.POST('/api/hubs/{hub}/programs/{id}/simulation', { params: { path: { hub, id } }, body }));
}

export function getProgramOutcomes(hub: string, id: string) {
  return answer(api.GET('/api/hubs/{hub}/programs/{id}/outcomes', { params: { path: { hub, id } } }));
}

export type SavedSimulation = components['schemas']['SavedSimulation'];

/** Keeps a run: the server runs it again with these inputs and attaches it to the program's current version. */
export function saveSimulation(hub: string, id: string, body: SimulationInput) {
  return answer(api.POST('/api/hubs/{hub}/programs/{id}/simulations', { params: { path: { hub, id } }, body }));
}

/** The runs kept for a program, newest first (the first 50). */
export function listSavedSimulations(hub: string, id: string) {
  return answer(api.GET('/api/hubs/{hub}/programs/{id}/simulations', { params: { path: { hub, id }, query: { limit: 50 } } }));
}
