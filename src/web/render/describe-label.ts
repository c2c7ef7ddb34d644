import { featureNames } from '../../register/status/feature-names.js';
import { features } from '../../register/status/register-facts.js';

/** A screening label in words: a feature's name, or "an assurance" (`describeLabel('sim_named')`). */
export function describeLabel(label: string): string {
  const feature = features.find((each) => each === label);
  if (feature) return featureNames[feature];
  return label === 'assurance' ? 'an assurance' : label.replace(/_/g, ' ');
}
