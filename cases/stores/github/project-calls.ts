/**
 * The GraphQL calls of the GitHub Project sync (Projects v2 has no REST API), beside the REST
 * calls of `github-helper.ts` and with the same policy: nothing is retried here but what the
 * throttling plugin retries (a rate limit), so an ambiguous failure ends the run and the next run
 * compares again. Each operation is named, so the stand-in (tests/github-standin/handlers/
 * graphql-projects.ts) recognises it and checks its variables. A refusal (the App lacks the
 * Projects permission) is a `forbidden` store error; an unknown project `not-found`.
 */
import type { Octokit } from '@octokit/rest';
import { errorTag } from '../../errors.ts';
import { storeError } from './failures.ts';

/** A field of a project, as the sync reads it. */
export interface ProjectField {
  id: string;
  name: string;
  dataType: string;
  /** The options of a single-select field. */
  options?: Array<{ id: string; name: string }>;
}

/** A field's value on an item: text, a date, or a single-select option. */
export type FieldValue = { text: string } | { date: string } | { singleSelectOptionId: string };

/** An item of the project that is an issue, with the values the sync compares. */
export interface ProjectItem {
  id: string;
  /** The issue's GraphQL id, number and repository (`owner/name`). */
  issue: { id: string; number: number; repository: string; labels: string[] } | undefined;
  /** Field id to the value it holds now. */
  values: Map<string, FieldValue>;
}

/** Where a project is: an organisation's or a user's, by its number. */
export interface ProjectRef {
  owner: string;
  ownerType: 'organization' | 'user';
  number: number;
}

/** The Projects calls. */
export interface ProjectCalls {
  /** The project's id and fields, or undefined when there is no such project. */
  project(ref: ProjectRef): Promise<{ id: string; fields: ProjectField[] } | undefined>;
  /** Every item of the project (100 a page). */
  items(projectId: string): Promise<ProjectItem[]>;
  /** Makes a field (with options, for a single select). */
  createField(
    projectId: string,
    name: string,
    dataType: 'TEXT' | 'DATE' | 'SINGLE_SELECT',
    options?: string[],
  ): Promise<ProjectField>;
  /** Adds an issue to the project (GitHub gives the existing item when it is there) and gives the item's id. */
  addItem(projectId: string, contentId: string): Promise<string>;
  setValue(projectId: string, itemId: string, fieldId: string, value: FieldValue): Promise<void>;
  clearValue(projectId: string, itemId: string, fieldId: string): Promise<void>;
}

const fieldSelection = `... on ProjectV2FieldCommon { id name dataType } ... on ProjectV2SingleSelectField { options { id name } }`;

const projectQuery = (owner: 'organization' | 'user') => `query KlachtenProject($owner: String!, $number: Int!) {
  ${owner}(login: $owner) { projectV2(number: $number) { id fields(first: 50) { nodes { ${fieldSelection} } } } }
}`;

const itemsQuery = `query KlachtenProjectItems($project: ID!, $after: String) {
  node(id: $project) { ... on ProjectV2 { items(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id
      content { ... on Issue { id number repository { nameWithOwner } labels(first: 30) { nodes { name } } } }
      fieldValues(first: 30) { nodes {
        ... on ProjectV2ItemFieldTextValue { text field { ... on ProjectV2FieldCommon { id } } }
        ... on ProjectV2ItemFieldDateValue { date field { ... on ProjectV2FieldCommon { id } } }
        ... on ProjectV2ItemFieldSingleSelectValue { optionId field { ... on ProjectV2FieldCommon { id } } }
      } }
    }
  } } }
}`;

const createFieldMutation = `mutation KlachtenCreateField($project: ID!, $name: String!, $dataType: ProjectV2CustomFieldType!, $options: [ProjectV2SingleSelectFieldOptionInput!]) {
  createProjectV2Field(input: { projectId: $project, name: $name, dataType: $dataType, singleSelectOptions: $options }) { projectV2Field { ${fieldSelection} } }
}`;

const addItemMutation = `mutation KlachtenAddItem($project: ID!, $content: ID!) {
  addProjectV2ItemById(input: { projectId: $project, contentId: $content }) { item { id } }
}`;

const setValueMutation = `mutation KlachtenSetField($project: ID!, $item: ID!, $field: ID!, $value: ProjectV2FieldValue!) {
  updateProjectV2ItemFieldValue(input: { projectId: $project, itemId: $item, fieldId: $field, value: $value }) { projectV2Item { id } }
}`;

const clearValueMutation = `mutation KlachtenClearField($project: ID!, $item: ID!, $field: ID!) {
  clearProjectV2ItemFieldValue(input: { projectId: $project, itemId: $item, fieldId: $field }) { projectV2Item { id } }
}`;

type RawValue = { text?: string; date?: string; optionId?: string; field?: { id?: string } };
type RawItem = {
  id: string;
  content?: {
    id?: string;
    number?: number;
    repository?: { nameWithOwner?: string };
    labels?: { nodes?: Array<{ name?: string }> };
  } | null;
  fieldValues?: { nodes?: RawValue[] };
};

/** GraphQL answers a refusal with status 200 and `errors`; their type says what. */
async function graphql<T>(octokit: Octokit, query: string, variables: Record<string, unknown>): Promise<T> {
  try {
    return await octokit.graphql<T>(query, variables);
  } catch (error) {
    const type = (error as { errors?: Array<{ type?: string }> }).errors?.[0]?.type;
    if (type === 'FORBIDDEN' || type === 'INSUFFICIENT_SCOPES') {
      throw storeError('forbidden', 'GitHub staat het bijwerken van het project niet toe (Projects: read and write).');
    }
    if (type === 'NOT_FOUND') throw storeError('not-found', 'GitHub kent dit project niet.');
    throw error;
  }
}

function valueOf(raw: RawValue): FieldValue | undefined {
  if (typeof raw.text === 'string') return { text: raw.text };
  if (typeof raw.date === 'string') return { date: raw.date.slice(0, 10) };
  if (typeof raw.optionId === 'string') return { singleSelectOptionId: raw.optionId };
  return undefined;
}

/**
 * Makes the Projects calls on one client.
 *
 * @example
 * const calls = makeProjectCalls(octokit);
 * const project = await calls.project({ owner: 'livable', ownerType: 'organization', number: 3 });
 */
export function makeProjectCalls(octokit: Octokit): ProjectCalls {
  return {
    async project(ref) {
      const data = await graphql<
        Record<string, { projectV2?: { id: string; fields: { nodes: ProjectField[] } } | null } | null>
      >(octokit, projectQuery(ref.ownerType), { owner: ref.owner, number: ref.number }).catch((error: unknown) => {
        if (errorTag(error) === 'not-found') return undefined;
        throw error;
      });
      const project = data?.[ref.ownerType]?.projectV2;
      if (!project) return undefined;
      return { id: project.id, fields: project.fields.nodes.filter((field) => typeof field.id === 'string') };
    },

    async items(projectId) {
      const all: ProjectItem[] = [];
      let after: string | null = null;
      do {
        const data: {
          node: { items: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: RawItem[] } };
        } = await graphql(octokit, itemsQuery, { project: projectId, after });
        for (const raw of data.node.items.nodes) {
          const values = new Map<string, FieldValue>();
          for (const value of raw.fieldValues?.nodes ?? []) {
            const parsed = valueOf(value);
            if (parsed !== undefined && value.field?.id !== undefined) values.set(value.field.id, parsed);
          }
          const content = raw.content;
          all.push({
            id: raw.id,
            issue:
              content?.id === undefined || content.number === undefined
                ? undefined
                : {
                    id: content.id,
                    number: content.number,
                    repository: content.repository?.nameWithOwner ?? '',
                    labels: (content.labels?.nodes ?? []).flatMap((label) =>
                      label.name === undefined ? [] : [label.name],
                    ),
                  },
            values,
          });
        }
        after = data.node.items.pageInfo.hasNextPage ? data.node.items.pageInfo.endCursor : null;
      } while (after !== null);
      return all;
    },

    async createField(projectId, name, dataType, options) {
      const data = await graphql<{ createProjectV2Field: { projectV2Field: ProjectField } }>(
        octokit,
        createFieldMutation,
        {
          project: projectId,
          name,
          dataType,
          // GitHub asks a colour and a description of every option.
          options: options?.map((option) => ({ name: option, color: 'GRAY', description: '' })) ?? null,
        },
      );
      return data.createProjectV2Field.projectV2Field;
    },

    async addItem(projectId, contentId) {
      const data = await graphql<{ addProjectV2ItemById: { item: { id: string } } }>(octokit, addItemMutation, {
        project: projectId,
        content: contentId,
      });
      return data.addProjectV2ItemById.item.id;
    },

    async setValue(projectId, itemId, fieldId, value) {
      await graphql(octokit, setValueMutation, { project: projectId, item: itemId, field: fieldId, value });
    },

    async clearValue(projectId, itemId, fieldId) {
      await graphql(octokit, clearValueMutation, { project: projectId, item: itemId, field: fieldId });
    },
  };
}
