/**
 * @module projects/presenter
 * The exact fields of projects, their diagrams, cycles and charts the API sends.
 */
import { presentSeriesAnalysis } from '../analysis/presenter.js';
import type { ProjectChart } from './charts.js';
import type { Diagram, DiagramNode, DriverNode } from './driver-diagram.js';
import type { NumberedCycle } from './pdsa.js';
import type {
  CycleView,
  DriverDiagramView,
  DriverNodeView,
  ProjectChartView,
  ProjectView,
} from './schemas.js';
import type { ProjectStory } from './service.js';

/** A box of a diagram. */
export function presentNode(node: DiagramNode | DriverNode): DriverNodeView {
  return {
    id: node.id,
    kind: node.kind,
    text: node.text,
    position: node.position,
    cycles: 'cycles' in node ? node.cycles : 0,
  };
}

/** A driver diagram. */
export function presentDiagram(diagram: Diagram): DriverDiagramView {
  return {
    aim: diagram.aim,
    columns: {
      primary: diagram.columns.primary.map(presentNode),
      secondary: diagram.columns.secondary.map(presentNode),
      change_idea: diagram.columns.change_idea.map(presentNode),
    },
    links: diagram.links.map((link) => ({ fromId: link.fromId, toId: link.toId })),
  };
}

/** A PDSA cycle. */
export function presentCycle(cycle: NumberedCycle): CycleView {
  return {
    id: cycle.id,
    number: cycle.number,
    changeIdeaId: cycle.changeIdeaId,
    changeIdea: cycle.changeIdea,
    title: cycle.title,
    plan: cycle.plan,
    prediction: cycle.prediction,
    plannedStart: cycle.plannedStart,
    doNotes: cycle.doNotes,
    startedOn: cycle.startedOn,
    study: cycle.study,
    act: cycle.act,
    decision: cycle.decision,
    endedOn: cycle.endedOn,
    createdAt: cycle.createdAt.toISOString(),
    updatedAt: cycle.updatedAt.toISOString(),
  };
}

/** A project measure's chart. */
export function presentChart(chart: ProjectChart): ProjectChartView {
  return {
    kind: chart.kind,
    position: chart.position,
    seriesId: chart.seriesId,
    chart: chart.analysis === null ? null : presentSeriesAnalysis(chart.analysis),
    problem: chart.problem,
    annotations: chart.annotations.map((note) => ({ ...note })),
  };
}

/** A project with its story. */
export function presentProject(story: ProjectStory): ProjectView {
  const { project } = story;
  return {
    id: project.id,
    organisation: {
      id: story.organisation.id,
      odsCode: story.organisation.odsCode,
      name: story.organisation.name,
    },
    unit: story.unit === null ? null : { id: story.unit.id, name: story.unit.name },
    title: project.title,
    problem: project.problem,
    stage: project.stage,
    aim: { what: project.aimWhat, howMuch: project.aimHowMuch, byWhen: project.aimByWhen },
    lessons: project.lessons,
    topics: [...project.topics],
    visibility: project.visibility,
    publishedAt: project.publishedAt?.toISOString() ?? null,
    copiedFromId: project.copiedFromId,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
    team: story.team.map((member) => ({
      userId: member.userId,
      displayName: member.displayName,
      role: member.role,
    })),
    measures: story.measures.map((measure) => ({
      seriesId: measure.seriesId,
      kind: measure.kind,
      position: measure.position,
      measure: {
        id: measure.measureId,
        code: measure.code,
        name: measure.name,
        shared: measure.ownerOrganisationId === null,
      },
      unitId: measure.unitId,
    })),
    charts: story.charts.map(presentChart),
    diagram: presentDiagram(story.diagram),
    cycles: story.cycles.map(presentCycle),
    goals: story.goals.map((goal) => ({ ...goal })),
  };
}
