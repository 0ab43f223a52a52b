/**
 * The Projects v2 part of `POST /graphql`: an organisation's (or user's) project with fields and
 * items, as `cases/stores/github/project-calls.ts` reads and writes it. Each operation is known by
 * its name and root field; its variables are checked as GitHub's schema types them (an ID is a
 * string, a number an Int, a field value exactly one of text, date or singleSelectOptionId), and
 * what it names must exist (else GitHub's NOT_FOUND error). The token needs the Projects
 * permission (`projects: write` for mutations, read for queries), else FORBIDDEN — with status
 * 200, as GraphQL answers.
 */
import type { Actor } from '../auth.ts';
import type { ProjectFieldState, ProjectState, StandInState } from '../state.ts';

/** One GraphQL answer: the body (data and/or errors), and mismatches of the test's own making. */
export interface ProjectAnswer {
  body: unknown;
  problems: string[];
  field: string;
}

type Variables = Record<string, unknown>;

const isId = (value: unknown): value is string => typeof value === 'string' && value !== '';

function failure(field: string, type: string, message: string): ProjectAnswer {
  return {
    body: { data: { [field]: null }, errors: [{ type, path: [field], locations: [], message }] },
    problems: [],
    field,
  };
}

function mismatch(field: string, message: string): ProjectAnswer {
  return { body: { errors: [{ message }] }, problems: [`graphql ${field}: ${message}`], field };
}

function fieldNode(field: ProjectFieldState) {
  return {
    id: field.id,
    name: field.name,
    dataType: field.dataType,
    ...(field.dataType === 'SINGLE_SELECT' ? { options: field.options.map((option) => ({ ...option })) } : {}),
  };
}

/** The operations, by name: the root field they must query, and their variables' checks. */
const operations: Record<string, { root: RegExp; field: string }> = {
  KlachtenProject: {
    root: /\b(organization|user)\(login: \$owner\) \{ projectV2\(number: \$number\)/,
    field: 'projectV2',
  },
  KlachtenProjectItems: {
    root: /\bnode\(id: \$project\) \{ \.\.\. on ProjectV2 \{ items\(first: 100, after: \$after\)/,
    field: 'items',
  },
  KlachtenCreateField: { root: /\bcreateProjectV2Field\(input: \{/, field: 'createProjectV2Field' },
  KlachtenAddItem: {
    root: /\baddProjectV2ItemById\(input: \{ projectId: \$project, contentId: \$content \}\)/,
    field: 'addProjectV2ItemById',
  },
  KlachtenSetField: {
    root: /\bupdateProjectV2ItemFieldValue\(input: \{ projectId: \$project, itemId: \$item, fieldId: \$field, value: \$value \}\)/,
    field: 'updateProjectV2ItemFieldValue',
  },
  KlachtenClearField: {
    root: /\bclearProjectV2ItemFieldValue\(input: \{ projectId: \$project, itemId: \$item, fieldId: \$field \}\)/,
    field: 'clearProjectV2ItemFieldValue',
  },
};

/**
 * The name of a project operation in a query, when it is one.
 *
 * @example
 * projectOperation('query KlachtenProject($owner: String!, …) { … }') // 'KlachtenProject'
 */
export function projectOperation(query: string): string | undefined {
  const name = /^(?:query|mutation)\s+(Klachten\w+)\s*\(/.exec(query)?.[1];
  return name !== undefined && Object.hasOwn(operations, name) ? name : undefined;
}

/**
 * Answers one project operation as `actor`.
 *
 * @example
 * answerProject(state, actor, 'KlachtenAddItem', query, { project, content })
 */
export function answerProject(
  state: StandInState,
  actor: Actor,
  name: string,
  query: string,
  variables: Variables,
): ProjectAnswer {
  const operation = operations[name];
  if (operation === undefined) return mismatch(name, 'unknown operation');
  const { field } = operation;
  const text = query.replace(/\s+/g, ' ');
  if (!operation.root.test(text)) return mismatch(field, `${name} does not have the shape the stand-in knows`);
  const mutation = text.startsWith('mutation');
  const granted = actor.permissions.projects;
  if (granted === undefined || (mutation && granted !== 'write')) {
    return failure(field, 'FORBIDDEN', 'Resource not accessible by integration');
  }
  const project = (id: unknown): ProjectState | undefined => state.projects.find((candidate) => candidate.id === id);

  switch (name) {
    case 'KlachtenProject': {
      const owner = /\b(organization|user)\(/.exec(text)?.[1];
      if (typeof variables['owner'] !== 'string' || !Number.isInteger(variables['number'])) {
        return mismatch(field, 'owner must be a String and number an Int');
      }
      const found = state.projects.find(
        (candidate) =>
          candidate.owner.toLowerCase() === String(variables['owner']).toLowerCase() &&
          candidate.number === variables['number'] &&
          candidate.ownerType === owner,
      );
      if (found === undefined)
        return failure(
          owner ?? 'organization',
          'NOT_FOUND',
          `Could not resolve to a ProjectV2 with the number ${String(variables['number'])}.`,
        );
      return {
        body: {
          data: {
            [owner ?? 'organization']: { projectV2: { id: found.id, fields: { nodes: found.fields.map(fieldNode) } } },
          },
        },
        problems: [],
        field,
      };
    }
    case 'KlachtenProjectItems': {
      const found = project(variables['project']);
      if (found === undefined) return failure('node', 'NOT_FOUND', 'Could not resolve to a node');
      const after = typeof variables['after'] === 'string' ? Number(variables['after']) : 0;
      const page = found.items.slice(after, after + 100);
      const nodes = page.map((item) => {
        const issue = findIssue(state, item.contentId);
        return {
          id: item.id,
          content:
            issue === undefined
              ? null
              : {
                  id: item.contentId,
                  number: issue.issue.number,
                  repository: { nameWithOwner: issue.fullName },
                  labels: { nodes: issue.issue.labels.map((label) => ({ name: label })) },
                },
          fieldValues: {
            nodes: [...item.values].map(([fieldId, value]) => ({ ...value, field: { id: fieldId } })),
          },
        };
      });
      const hasNextPage = after + 100 < found.items.length;
      return {
        body: {
          data: {
            node: { items: { pageInfo: { hasNextPage, endCursor: hasNextPage ? String(after + 100) : null }, nodes } },
          },
        },
        problems: [],
        field,
      };
    }
    case 'KlachtenCreateField': {
      const found = project(variables['project']);
      if (found === undefined) return failure(field, 'NOT_FOUND', 'Could not resolve to a node');
      const dataType = variables['dataType'];
      if (
        typeof variables['name'] !== 'string' ||
        !['TEXT', 'DATE', 'SINGLE_SELECT', 'NUMBER'].includes(String(dataType))
      ) {
        return mismatch(field, 'name must be a String and dataType a ProjectV2CustomFieldType');
      }
      const options = variables['options'];
      if (dataType === 'SINGLE_SELECT') {
        const valid =
          Array.isArray(options) &&
          options.length > 0 &&
          options.every(
            (option) =>
              typeof option === 'object' &&
              option !== null &&
              typeof (option as Variables)['name'] === 'string' &&
              typeof (option as Variables)['color'] === 'string' &&
              typeof (option as Variables)['description'] === 'string',
          );
        if (!valid) return mismatch(field, 'a single select needs options with a name, a color and a description');
      }
      if (found.fields.some((existing) => existing.name.toLowerCase() === String(variables['name']).toLowerCase())) {
        return failure(field, 'UNPROCESSABLE', 'Name has already been taken');
      }
      const made: ProjectFieldState = {
        id: `PVTF_${state.nextId()}`,
        name: String(variables['name']),
        dataType: dataType as ProjectFieldState['dataType'],
        options: Array.isArray(options)
          ? options.map((option) => ({ id: state.nextId().toString(16), name: String((option as Variables)['name']) }))
          : [],
      };
      found.fields.push(made);
      return { body: { data: { createProjectV2Field: { projectV2Field: fieldNode(made) } } }, problems: [], field };
    }
    case 'KlachtenAddItem': {
      const found = project(variables['project']);
      if (found === undefined || !isId(variables['content']) || findIssue(state, variables['content']) === undefined) {
        return failure(field, 'NOT_FOUND', 'Could not resolve to a node');
      }
      let item = found.items.find((candidate) => candidate.contentId === variables['content']);
      if (item === undefined) {
        item = { id: `PVTI_${state.nextId()}`, contentId: variables['content'], values: new Map() };
        found.items.push(item);
      }
      return { body: { data: { addProjectV2ItemById: { item: { id: item.id } } } }, problems: [], field };
    }
    case 'KlachtenSetField':
    case 'KlachtenClearField': {
      const found = project(variables['project']);
      const item = found?.items.find((candidate) => candidate.id === variables['item']);
      const target = found?.fields.find((candidate) => candidate.id === variables['field']);
      if (found === undefined || item === undefined || target === undefined) {
        return failure(field, 'NOT_FOUND', 'Could not resolve to a node');
      }
      if (name === 'KlachtenClearField') {
        item.values.delete(target.id);
      } else {
        const value = variables['value'];
        const keys = typeof value === 'object' && value !== null ? Object.keys(value) : [];
        const [key] = keys;
        const allowed = { TEXT: 'text', DATE: 'date', SINGLE_SELECT: 'singleSelectOptionId', NUMBER: 'number' }[
          target.dataType
        ];
        if (keys.length !== 1 || key !== allowed)
          return mismatch(field, `a ${target.dataType} field takes { ${allowed} }`);
        const raw = (value as Variables)[key];
        if (target.dataType === 'DATE' && !(typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw))) {
          return mismatch(field, 'a date is YYYY-MM-DD');
        }
        if (target.dataType === 'SINGLE_SELECT' && !target.options.some((option) => option.id === raw)) {
          return failure(field, 'NOT_FOUND', 'The single select option does not exist');
        }
        item.values.set(
          target.id,
          target.dataType === 'SINGLE_SELECT'
            ? { optionId: String(raw), name: target.options.find((option) => option.id === raw)?.name ?? '' }
            : target.dataType === 'DATE'
              ? { date: String(raw) }
              : { text: String(raw) },
        );
      }
      return { body: { data: { [field]: { projectV2Item: { id: item.id } } } }, problems: [], field };
    }
  }
  return mismatch(field, 'unknown operation');
}

function findIssue(state: StandInState, nodeId: unknown) {
  const [kind, id] = Buffer.from(String(nodeId), 'base64').toString('utf8').split(':');
  if (kind !== 'Issue') return undefined;
  for (const repo of state.repos.values()) {
    const issue = repo.issues.find((candidate) => String(candidate.id) === id && !candidate.isPull);
    if (issue !== undefined) return { issue, fullName: `${repo.owner.login}/${repo.name}` };
  }
  return undefined;
}
