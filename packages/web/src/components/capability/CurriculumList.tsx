/**
 * @module components/capability/CurriculumList
 * The organisation's QI curriculum: each level in order with what it means and its courses
 * (those needed to complete it, and optional ones).
 */
import type { Curriculum } from './data';

export function CurriculumList({ curriculum }: { curriculum: Curriculum }): React.JSX.Element {
  if (curriculum.levels.length === 0) {
    return <p>There is no curriculum yet. A QI lead or administrator can add its levels and courses.</p>;
  }
  return (
    <ol className="nhsuk-list">
      {curriculum.levels.map((level) => (
        <li key={level.id}>
          <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
            {level.rank}. {level.name}
          </h3>
          {level.description === '' ? null : <p className="nhsuk-body-s">{level.description}</p>}
          {level.courses.length === 0 ? (
            <p className="nhsuk-body-s">No courses yet.</p>
          ) : (
            <ul className="nhsuk-list nhsuk-list--bullet">
              {level.courses.map((course) => (
                <li key={course.id}>
                  <strong>{course.code}</strong> {course.title}
                  {course.required ? '' : ' (optional)'}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
