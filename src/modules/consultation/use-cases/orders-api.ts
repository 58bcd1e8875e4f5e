/** The work-order use cases other modules (the demo seed, the CLI) may call, as `workOrders.*` from the module's index. */
export { createOrder, escalateQuestion, receiveOrder } from './orders-create.js';
export {
  addCoUnits, concludeOrder, contributeOpinion, dispatchOrder, followUpOrder, rateOrder, replyOrder, requestInfo, returnOrder, signOrder, supplementOrder,
  transferCrossRegion, transferOrder,
} from './orders-actions.js';
export { chaseOrder, superviseOverdueOrders } from './orders-supervision.js';
export { detectAnswerConflicts, extractFacts } from './orders-conflicts.js';
export { getOrderDetail } from './orders-read.js';
export { configureOrderSettings, orderSettings, type OrderSettings } from './orders-settings.js';
export { createServiceRequest } from './orders-open311.js';
