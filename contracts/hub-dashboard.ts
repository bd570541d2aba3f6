import { z } from 'zod';
import { fenBalance } from './money.js';
import { publicBudgetQuerySchema, publicProgramSpendSchema } from './open-data.js';
import { isoDate } from './dates.js';

export const hubDashboardQuerySchema = publicBudgetQuerySchema;

/** A month's money: committed to awards and paid out (months of the hub's time zone). */
export const dashboardMonthSchema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .meta({ example: '2026-03' }),
  committed: fenBalance('Committed to awards in the month'),
  paid: fenBalance('Paid to awardees in the month'),
});

const month = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .meta({ example: '2026-03' });

/** The last 12 months (the hub's calendar, oldest first) of how stays, space and compute were used. */
export const dashboardTrendsSchema = z
  .object({
    stays: z.array(
      z.object({
        month,
        nightsBooked: z.number().int().meta({ description: 'Bed-nights booked in the month (offered, confirmed, checked in or out)' }),
        nightsAvailable: z.number().int().meta({ description: 'Bed-nights the open youth stations offered in the month' }),
      }),
    ),
    spaces: z.array(
      z.object({
        month,
        leasedM2: z.number().meta({ description: 'Office m² leased, averaged over the month’s days' }),
        heldM2: z.number().meta({ description: 'Office m² held vacant for a firm, averaged over the month’s days' }),
        heldVacantCost: fenBalance('What the held space would have let for at its list rent in the month'),
      }),
    ),
    compute: z.array(
      z.object({
        month,
        usedGpuHours: z.number().meta({ description: 'GPU hours the providers metered in the month' }),
        quotaGpuHours: z.number().meta({ description: 'GPU hours of the queues’ quotas in the month (each spread over its period)' }),
      }),
    ),
  })
  .meta({ id: 'HubDashboardTrends' });

/** What the hub's money produced and how its scarce things are used: the hub admin's dashboard. */
export const hubDashboardSchema = z
  .object({
    years: z.array(z.number().int()),
    year: z.number().int().nullable().meta({ description: 'The fiscal year shown (the newest when none is asked); null before any' }),
    money: z.object({
      envelope: fenBalance('The year’s envelope'),
      committed: fenBalance('Awarded and not yet paid'),
      paid: fenBalance('Paid'),
      left: fenBalance('Left to award on the lines'),
      unallocated: fenBalance('Not yet given to a line'),
    }),
    awards: z.object({ count: z.number().int(), amount: fenBalance('Awarded in all') }),
    programs: z.array(publicProgramSpendSchema),
    months: z.array(dashboardMonthSchema).meta({ description: 'Each month of the year that moved money, oldest first' }),
    stays: z
      .object({ beds: z.number().int(), bedNights: z.number().int(), occupiedNights: z.number().int(), from: isoDate(), to: isoDate() })
      .meta({ description: 'Youth stations over the last 30 nights [from, to): beds, bed-nights available and slept' }),
    spaces: z
      .object({ totalM2: z.number(), leasedM2: z.number(), heldM2: z.number(), on: isoDate() })
      .meta({ description: 'Office space today: the units’ area, leased and held' }),
    compute: z
      .object({ capacityGpuHours: z.number().int(), reservedGpuHours: z.number().int(), from: isoDate(), to: isoDate() })
      .meta({ description: 'GPU hours over the last 30 days [from, to): offered by the pools and reserved' }),
    trends: dashboardTrendsSchema,
  })
  .meta({ id: 'HubDashboard' });
export type HubDashboard = z.infer<typeof hubDashboardSchema>;
