//! What the ties to organisations beside the council give a verdict: the
//! value a secondment gives an attribute the post does not state
//! (`when_seconded`: one officer answering to two councils raises what a
//! joint appointment does), and the provider and employer lines a
//! question reads (`reads providers, employers`), cited as its evidence
//! while they hold.

use super::{Evaluator, Fact, FactUse, Observation};
use crate::model::{AttributeId, Entity, EntityId, EntityKind, Line, Party, Reading, Stated, TypedValue};

/// What a reading reads: the kind of entity whose lines it reads, the
/// lines, and how each is named to the clock.
type Reads<'e> = (EntityKind, &'e [Stated<Party>], fn(usize) -> Line);

impl Evaluator<'_> {
    /// The value a post's secondment gives an attribute it does not
    /// state, while a secondment line holds as at the date and the
    /// guidance gives the attribute a value for a seconded post.
    pub(super) fn by_secondment(
        &self,
        id: EntityId,
        entity: &Entity,
        attribute: AttributeId,
    ) -> Option<(TypedValue, Observation, Vec<FactUse>)> {
        let value = self.policy.attribute(attribute)?.when_seconded.as_ref()?;
        let (_, line) = entity
            .ties()
            .secondments
            .iter()
            .enumerate()
            .find(|(index, line)| self.line_holds(id, entity, Line::Secondment(*index), *line))?;
        let used = Self::fact_use(
            line,
            Fact::Secondment {
                post: id,
                secondment: line.value,
            },
        );
        Some((
            value.clone(),
            Observation::AttributeBySecondment {
                entity: id,
                attribute,
                value: value.clone(),
                secondment: line.value,
            },
            vec![used],
        ))
    }

    /// The provider and employer lines a question reads that hold as at
    /// the date and name someone other than the council itself: its
    /// evidence points at the organisation and the line that ties it.
    pub(super) fn readings(&self, reads: &[Reading]) -> Vec<FactUse> {
        let mut facts = Vec::new();
        for reading in reads {
            for (index, entity) in self.arrangement.entities.iter().enumerate() {
                let id = EntityId::from_index(index);
                let (kind, lines, line_of): Reads<'_> = match reading {
                    Reading::Providers => (EntityKind::Service, &entity.ties().providers, Line::Provider),
                    Reading::Employers => (EntityKind::Post, &entity.ties().employers, Line::Employer),
                };
                if entity.kind != kind {
                    continue;
                }
                for (number, line) in lines.iter().enumerate() {
                    if line.value == Party::Council || !self.line_holds(id, entity, line_of(number), line) {
                        continue;
                    }
                    let fact = match reading {
                        Reading::Providers => Fact::Provider {
                            service: id,
                            party: line.value,
                        },
                        Reading::Employers => Fact::Employer {
                            post: id,
                            party: line.value,
                        },
                    };
                    facts.push(Self::fact_use(line, fact));
                }
            }
        }
        facts
    }
}
