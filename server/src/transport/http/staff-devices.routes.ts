import { Router } from 'express';
import { EnrolDeviceRequest, Uuid, type DeviceSummary } from '@peerbridge/shared';
import type { DeviceEnrolment } from '../../services/devices/device-enrolment.js';
import type { Clock } from '../../domain/time/clock.js';
import type { DeviceRepository } from '../../infra/db/device-repository.js';
import { parseInput } from '../validation.js';
import { assertCan, requireRole, staffOf } from './staff-session.js';

/** Coordinators enrol and revoke their own school's iPads. */
export function staffDeviceRoutes(deps: {
  devices: DeviceRepository;
  enrolment: DeviceEnrolment;
  clock: Clock;
  /** Ends every call the device is in and disconnects it. */
  onDeviceRevoked: (deviceId: string) => Promise<void>;
}): Router {
  const router = Router();
  router.use(requireRole('devices:manage'));

  router.get('/', async (_req, res) => {
    const staff = staffOf(res);
    assertCan(staff, 'devices:manage', [staff.schoolId!]);
    const rows = await deps.devices.listForSchool(staff.schoolId!);
    const body: DeviceSummary[] = rows.map((r) => ({
      id: r.id,
      label: r.label,
      createdAt: r.createdAt.toISOString(),
      revokedAt: r.revokedAt?.toISOString() ?? null,
    }));
    res.json({ devices: body });
  });

  router.post('/', async (req, res) => {
    const staff = staffOf(res);
    assertCan(staff, 'devices:manage', [staff.schoolId!]);
    const { label } = parseInput(EnrolDeviceRequest, req.body, 'device');
    res.status(201).json(await deps.enrolment.enrol(staff, label));
  });

  router.post('/:id/revoke', async (req, res) => {
    const id = parseInput(Uuid, req.params.id, 'device id');
    await deps.enrolment.revoke(staffOf(res), id);
    await deps.onDeviceRevoked(id);
    res.status(204).end();
  });

  return router;
}
