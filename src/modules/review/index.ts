export { reviewRoutes } from './review.routes';
export * as reviewersService from './reviewers.service';
export * as assignmentService from './assignment.service';
export * as reviewsService from './reviews.service';
export * as reviewSettingsService from './settings.service';
export * as reviewRemindersService from './reminders.service';
