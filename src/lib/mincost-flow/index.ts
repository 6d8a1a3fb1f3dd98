export { FlowNetworkBuilder, validateNetwork, MAX_ABS_COST, MAX_CAPACITY } from './network';
export type { ArcSpec, FlowNetwork } from './network';
export { solveMinCostFlow, findInfeasibility, describeWitness } from './solve';
export type { Infeasibility, InfeasibilityWitness, MinCostFlowOptions, MinCostFlowPhase, MinCostFlowResult } from './solve';
export type { CostScalingStats } from './cost-scaling';
