// The review feature's pages, loaded on demand as one chunk.
export { AssignmentPage } from './AssignmentPage';
export { MyAssignmentsPage } from './MyAssignmentsPage';
export { OtherReviewsPage } from './OtherReviewsPage';
export { ProfilePage } from './ProfilePage';
export { ReviewResultsPage } from './ReviewResultsPage';
export { RoundReviewPage } from './RoundReviewPage';
