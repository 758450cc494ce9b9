//! The organization's people: who can be a member of a project (`access`) and who sent the requests of the
//! request logs (`requests::facts`, read by the analytics). One fixed cast, so that names and e-mails read the same
//! in every sandbox, the README and the tests; only their ids come from the seed, as the projects' do.
//!
//! Someone invited by an e-mail address the organization does not know yet joins it as a [`newcomer`].

use serde::{Deserialize, Serialize};

use crate::random::{guid_of, mix, Rng};

/// The domain of every seeded person's e-mail address.
pub const DOMAIN: &str = "acme.example";

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Person {
    /// A GUID: what `DELETE .../members/{userId}` names and members' `id` is.
    pub id: String,
    /// Lowercase; compared ignoring case, as the platform's e-mail searches are.
    pub email: String,
    /// The display name; a newcomer's is their e-mail address until they say otherwise.
    pub name: String,
}

/// The seeded cast: display name and the part of the e-mail before the `@`. Who has which role where is
/// decided in `access::seed` by position in this list, so append rather than reorder.
const CAST: [(&str, &str); 30] = [
    ("Ana Souza", "ana.souza"),
    ("Bruno Costa", "bruno.costa"),
    ("Carla Mendes", "carla.mendes"),
    ("Daniel Ferreira", "daniel.ferreira"),
    ("Elena Rossi", "elena.rossi"),
    ("Farid Haddad", "farid.haddad"),
    ("Grace Okafor", "grace.okafor"),
    ("Hiroshi Tanaka", "hiroshi.tanaka"),
    ("Inés Álvarez", "ines.alvarez"),
    ("Jonas Weber", "jonas.weber"),
    ("Kavya Iyer", "kavya.iyer"),
    ("Lucas Martin", "lucas.martin"),
    ("Maya Cohen", "maya.cohen"),
    ("Nikolai Petrov", "nikolai.petrov"),
    ("Olivia Brown", "olivia.brown"),
    ("Pedro Alves", "pedro.alves"),
    ("Quentin Dubois", "quentin.dubois"),
    ("Rosa Jiménez", "rosa.jimenez"),
    ("Samuel Mensah", "samuel.mensah"),
    ("Tomás Silva", "tomas.silva"),
    ("Uma Shah", "uma.shah"),
    ("Victor Nguyen", "victor.nguyen"),
    ("Wen Li", "wen.li"),
    ("Ximena Torres", "ximena.torres"),
    ("Yusuf Demir", "yusuf.demir"),
    ("Zoe Walker", "zoe.walker"),
    ("Amira Nasser", "amira.nasser"),
    ("Ben Carter", "ben.carter"),
    ("Chloé Laurent", "chloe.laurent"),
    ("Diego Ramírez", "diego.ramirez"),
];

/// Mixed into the seed for the people's own stream of ids, so that adding them changed no other seeded id.
const PEOPLE_STREAM: u64 = 0x7065_6f70_6c65_0000;

/// The seeded people, in a fixed order, with ids from `seed`.
pub fn seeded(seed: u64) -> Vec<Person> {
    let mut ids = Rng::new(mix(seed ^ PEOPLE_STREAM));
    (0..CAST_SIZE)
        .map(|position| {
            let (email, name) = cast_member(position);
            Person { id: ids.guid(), email, name: name.to_string() }
        })
        .collect()
}

/// How many seeded people there are.
pub const CAST_SIZE: usize = CAST.len();

/// The e-mail address and name of the seeded person at `position` (below `CAST_SIZE`), whatever the seed. A request
/// log's users are these positions; the analytics name them as the store's people at the same positions now are
/// (invitations only add after them), and as this cast when a state file has no people.
pub fn cast_member(position: usize) -> (String, &'static str) {
    let (name, local) = CAST[position];
    (format!("{local}@{DOMAIN}"), name)
}

/// The person with this e-mail address, ignoring case and surrounding spaces.
pub fn find<'a>(people: &'a [Person], email: &str) -> Option<&'a Person> {
    let email = email.trim();
    people.iter().find(|p| p.email.eq_ignore_ascii_case(email))
}

/// The person with this id.
pub fn by_id<'a>(people: &'a [Person], id: &str) -> Option<&'a Person> {
    people.iter().find(|p| p.id == id)
}

/// Someone invited by an address the organization did not know. Nothing but the address is known, so it is
/// their name too. The id is derived from the organization and the address, not drawn from the store's stream:
/// inviting is then the same in every replay whatever else was created before it.
pub fn newcomer(organization_id: &str, email: &str) -> Person {
    let email = email.trim().to_lowercase();
    Person { id: guid_of(&format!("person/{organization_id}/{email}")), name: email.clone(), email }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cast_has_unique_names_addresses_and_ids_and_the_same_seed_gives_the_same_ids() {
        let people = seeded(42);
        assert_eq!(people, seeded(42));
        assert_ne!(people[0].id, seeded(7)[0].id);
        let fields: [fn(&Person) -> String; 3] = [|p| p.id.clone(), |p| p.email.clone(), |p| p.name.clone()];
        for field in fields {
            let mut values: Vec<String> = people.iter().map(field).collect();
            values.sort();
            values.dedup();
            assert_eq!(values.len(), people.len());
        }
        assert!(people.iter().all(|p| crate::email::problem(&p.email).is_none() && p.email.ends_with(DOMAIN)));
    }

    #[test]
    fn people_are_found_by_address_ignoring_case_and_newcomers_are_named_by_it() {
        let people = seeded(42);
        assert_eq!(find(&people, " Ana.Souza@ACME.example ").map(|p| p.name.as_str()), Some("Ana Souza"));
        assert_eq!(find(&people, "nobody@acme.example"), None);
        assert_eq!(by_id(&people, &people[3].id), Some(&people[3]));
        let new = newcomer("org", " New.Person@Example.com");
        assert_eq!((new.email.as_str(), new.name.as_str()), ("new.person@example.com", "new.person@example.com"));
        assert_eq!(new, newcomer("org", "new.person@example.com"));
        assert_ne!(new.id, newcomer("other org", "new.person@example.com").id);
    }
}
