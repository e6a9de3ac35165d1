// GET /api/exports/file (decision 033): one file of a pseudonymised export of the caller's
// municipality (row-level security keeps it there) for its managers and evaluators — a CSV data
// file, the codebook, the Stata do-file or R script, or the XLSX workbook. Every download is
// audited `export.create` with its selection; a bad selection is a 400 naming the field.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { defineRoute } from '../platform/http/route.ts';
import type { Pseudonymizer } from '../platform/crypto/pseudonym.ts';
import { exportFileResponse, exportFiles, exportQuery } from '../../contract/exports.ts';
import { runExport } from './export-service.ts';

export function exportRoutes(ctx: AppContext, pseudonym: Pseudonymizer): FastifyPluginAsyncZod {
  return async (app) => {
    defineRoute(app, ctx, {
      method: 'GET',
      url: '/api/exports/file',
      query: exportQuery,
      response: exportFileResponse,
      can: 'export.create',
      audit: {
        action: 'export.create',
        entity: 'municipality',
        id: (_, out) => out.selection.municipalityCode,
        detail: (_, out) => ({ ...out.selection, file: out.file, rows: out.rows }),
      },
      handler: async ({ tx, actor, query, today }) => {
        const selection = {
          municipalityCode: actor.municipalityCode,
          what: query.what,
          format: query.format,
          separator: query.sep,
          labels: query.labels,
          from: query.from ?? null,
          to: query.to ?? today,
          targetGroup: query.targetGroup,
        };
        const name = query.file ?? (exportFiles(query.what, query.format)[0] as string);
        const result = await runExport(tx, selection, { today, instrument: ctx.instrument.instrument, pseudonym });
        const file = result.files.find((f) => f.name === name);
        if (!file) throw new Error(`export file ${name} was not built`);
        return { selection, file: file.name, contentType: file.contentType, rows: result.rows, base64: file.bytes.toString('base64') };
      },
      send: (reply, result) => {
        const stamp = `${result.selection.municipalityCode}-${result.selection.what}-${result.selection.to}`;
        return reply
          .header('content-disposition', `attachment; filename="jobvej-${stamp}-${result.file}"`)
          .type(result.contentType)
          .send(Buffer.from(result.base64, 'base64'));
      },
    });
  };
}
