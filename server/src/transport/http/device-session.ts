import type { RequestHandler, Response } from 'express';
import type { DeviceIdentity, DeviceTokens } from '../../services/devices/device-tokens.js';
import { AppError } from '../../errors.js';

const BEARER = /^Bearer ([A-Za-z0-9._-]{1,4096})$/;

/**
 * School iPads only: the device token in the Authorization header must name a
 * live device. A guard, so an iPad that is not set up hears so (401) before
 * anything it sent is read.
 */
export function requireDevice(tokens: DeviceTokens): RequestHandler {
  return (req, res, next) => {
    const match = BEARER.exec(req.get('authorization') ?? '');
    if (!match?.[1]) return next(AppError.unauthenticated('This iPad is not set up for Peerbridge yet.'));
    tokens.authenticate(match[1]).then((device) => {
      res.locals.device = device;
      next();
    }, next);
  };
}

export function deviceOf(res: Response): DeviceIdentity {
  const device = res.locals.device as DeviceIdentity | undefined;
  if (!device) throw AppError.unauthenticated('This iPad is not set up for Peerbridge yet.');
  return device;
}
